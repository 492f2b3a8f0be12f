<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BusyIndicator</name>
        <message>
            <location filename="../../visualrnn/ui/shell/busy_indicator.py" line="18" />
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/busy_indicator.py" line="30" />
            <source>Computing the changed lesson. The panels show the last result until the new one is ready; stepping and playing keep working, and a newer change replaces this one.</source>
            <translation>正在计算修改后的示例。新结果算出之前，各面板仍显示上一次的结果；单步执行和播放不受影响，如果再次修改，则以最新的修改为准。</translation>
        </message>
    </context>
    <context>
        <name>CellDiagramView</name>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_internals_view.py" line="50" />
            <source>Too small to read: make this panel larger (drag its edge or undock it).</source>
            <extracomment>Boxes whose values come from another key of the step record. Margin (scene units) kept around the diagram when it is fitted to the view. Below this zoom (≈ 8 px text) the diagram is covered by a note asking for more room.</extracomment>
            <translation>面板太小，看不清：请放大此面板（拖动其边缘，或将其设为浮动窗口）。</translation>
        </message>
    </context>
    <context>
        <name>CellInternalsView</name>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_internals_view.py" line="204" />
            <source>output layer y (用于输出的全连接层)</source>
            <translation>用于输出的全连接层 y</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_internals_view.py" line="207" />
            <source>One bar per unit (0, 1, …); hover a bar for its value.</source>
            <translation>每个单元对应一根柱（0, 1, …）；将鼠标悬停在柱上可查看数值。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="194" />
            <source>the output layer: y = h · Wᵧ + bᵧ</source>
            <translation>输出层：y = h · Wᵧ + bᵧ</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="231" />
            <source>output</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="314" />
            <source>pointwise product ⊙</source>
            <extracomment>Half the width: "tanh" gets a wider oval so that its text is readable.</extracomment>
            <translation>按位相乘 ⊙</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="315" />
            <source>sum</source>
            <translation>相加</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="316" />
            <source>1 − z</source>
            <translation>1 − z</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/cell/cell_items.py" line="319" />
            <source>pointwise tanh</source>
            <translation>按位 tanh</translation>
        </message>
    </context>
    <context>
        <name>CellText</name>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="52" />
            <source>{name} {symbol} ({zh})</source>
            <translation>{zh} {symbol}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="58" />
            <source>{symbol} — {name} ({zh})</source>
            <translation>{symbol} — {zh}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="64" />
            <source>{name}</source>
            <comment>a quantity's meaning</comment>
            <translation>{zh}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="72" />
            <source>{symbol} ({name})</source>
            <comment>a narrow title</comment>
            <translation>{symbol} ({zh})</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="78" />
            <source>{label}</source>
            <comment>cell chooser</comment>
            <translation>{zh}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/cell_text.py" line="85" />
            <source>{path}</source>
            <comment>memory path</comment>
            <translation>{zh}</translation>
        </message>
    </context>
    <context>
        <name>ColorLegend</name>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="85" />
            <source>x, h, c, y</source>
            <extracomment>Swatch shapes: a filled square, a dashed vertical line (a cut), a loss marker.</extracomment>
            <translation>x, h, c, y</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="93" />
            <source>colour = value:</source>
            <translation>颜色 = 数值：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="99" />
            <source>{names} (log scale)</source>
            <translation>{names}（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="102" />
            <source>gates σ</source>
            <translation>门 σ</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="103" />
            <location filename="../../visualrnn/ui/common/color_legend.py" line="121" />
            <source>overflow</source>
            <translation>溢出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="105" />
            <source>not reached yet</source>
            <translation>尚未到达</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="112" />
            <source>gradient ‖∂L/∂hₜ‖ flowing back (thicker = larger):</source>
            <translation>反向流动的梯度 ‖∂L/∂hₜ‖（越粗越大）：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="113" />
            <source>log scale</source>
            <translation>对数刻度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="115" />
            <source>loss ℓ at the last output y: the gradient enters there</source>
            <translation>最后一个输出 y 上的损失 ℓ：梯度从这里开始反向传播</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="117" />
            <source>loss ℓₜ at every output yₜ: the gradient enters there</source>
            <translation>每个输出 yₜ 上的损失 ℓₜ：梯度从这里开始反向传播</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="120" />
            <source>zero</source>
            <translation>零</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/color_legend.py" line="135" />
            <source>gradient cut (k = {k})</source>
            <translation>梯度截断（k = {k}）</translation>
        </message>
    </context>
    <context>
        <name>EquationPanel</name>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="71" />
            <source>Significant digits of every number (in every panel)</source>
            <extracomment>Cells with more equations than this (the LSTM's six) get a smaller substituted line, so that all of them fit the panel at its default size.</extracomment>
            <translation>数值的有效位数（对所有面板生效）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="72" />
            <source>Show all units</source>
            <translation>显示所有单元</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="73" />
            <source>Write out W and b</source>
            <translation>写出 W 和 b</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="75" />
            <source>The simple RNN's W = [Wₕ; Wₓ] and b with their numbers, as Fig. 8.5 does</source>
            <translation>像图 8.5 那样写出简单循环神经网络的 W = [Wₕ; Wₓ] 和 b 的数值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="78" />
            <source>A hidden unit that is always written out</source>
            <translation>始终完整写出的隐藏单元</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="79" />
            <source>Unit:</source>
            <translation>单元：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="82" />
            <source>significant</source>
            <translation>有效数字</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="83" />
            <source>after the point</source>
            <translation>小数位</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="86" />
            <source>Count significant digits (2.73) or places after the point (2.727)</source>
            <translation>按有效数字（2.73）或小数位（2.727）计数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="88" />
            <source>Digits:</source>
            <translation>有效位数：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="209" />
            <source>Step t = {t}</source>
            <translation>时刻 t = {t}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="211" />
            <source>Backwards (BPTT), step t = {t}</source>
            <translation>沿时间反向传播（BPTT），时刻 t = {t}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="212" />
            <source>({n} of {T})</source>
            <translation>（第 {n} 步，共 {T} 步）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="219" />
            <source>Press → (or Step) to take the first step.</source>
            <translation>按 →（或“前进一步”）执行第一步。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="220" />
            <source>The equations of the cell appear here with the step's numbers.</source>
            <translation>这里将显示循环体的公式，并代入当前这一步的数值。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_panel.py" line="240" />
            <source>{name}:</source>
            <translation>{name}：</translation>
        </message>
    </context>
    <context>
        <name>Equations</name>
        <message>
            <location filename="../../visualrnn/ui/equations/equation_text.py" line="52" />
            <source>output layer y (用于输出的全连接层)</source>
            <extracomment>Symbol of φ for the simple RNN, per activation.</extracomment>
            <translation>用于输出的全连接层 y</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="46" />
            <source>gradient at the output ∂L/∂y (输出的梯度)</source>
            <extracomment>φ′(a_t) of the simple RNN as the equations write it, per activation.</extracomment>
            <translation>输出的梯度 ∂L/∂y</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="49" />
            <source>∂L/∂y_t = 0 (no loss at this step)</source>
            <translation>∂L/∂y_t = 0（此时刻没有损失）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="70" />
            <source>gradient of the hidden state ∂L/∂h (隐藏状态的梯度)</source>
            <translation>隐藏状态的梯度 ∂L/∂h</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="76" />
            <source>the last step: nothing comes back from t + 1</source>
            <translation>最后一个时刻：没有来自 t + 1 的梯度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="78" />
            <source>nothing comes back from t + 1 (a cut, or no loss)</source>
            <translation>没有来自 t + 1 的梯度（截断处，或后面没有损失）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="102" />
            <source>(from step t + 1, through its gates)</source>
            <translation>（来自时刻 t + 1，经过它的各个门）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="106" />
            <source>through the activation ∂L/∂a (激活函数)</source>
            <translation>经过激活函数 ∂L/∂a</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="116" />
            <source>gradient of the cell state ∂L/∂c (状态 c 的梯度)</source>
            <translation>状态 c 的梯度 ∂L/∂c</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="118" />
            <source>(through h_t and the gates)</source>
            <translation>（经过 h_t 和各个门）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="121" />
            <source>memory path alone: ‖·‖ = {0}</source>
            <translation>仅沿记忆通路：‖·‖ = {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="127" />
            <source>the recurrent weights' gradient ∂L/∂Wₕ (a sum over steps)</source>
            <translation>循环权重的梯度 ∂L/∂Wₕ（对各时刻求和）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/backward_text.py" line="132" />
            <source>step t adds ‖h_{{t−1}}ᵀ · {d}‖ = {share}; all steps: ‖∂L/∂W_h‖</source>
            <translation>时刻 t 贡献 ‖h_{{t−1}}ᵀ · {d}‖ = {share}；全部时刻：‖∂L/∂W_h‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/number_format.py" line="24" />
            <source>overflow</source>
            <translation>溢出</translation>
        </message>
    </context>
    <context>
        <name>FigureMenus</name>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="104" />
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="105" />
            <source>Export PNG</source>
            <translation>导出 PNG</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="108" />
            <source>{0}× ({1} × {2} pixels)…</source>
            <translation>{0}×（{1} × {2} 像素）…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="110" />
            <source>Export SVG…</source>
            <translation>导出 SVG…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="111" />
            <source>Export data (CSV)…</source>
            <translation>导出数据（CSV）…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="114" />
            <source>Record animation (GIF)…</source>
            <translation>录制动画（GIF）…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="127" />
            <source>Could not copy the image: {0}</source>
            <translation>无法复制图像：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="129" />
            <source>Copied {0} ({1} × {2} pixels)</source>
            <translation>已复制 {0}（{1} × {2} 像素）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="148" />
            <source>Could not export {0}</source>
            <translation>无法导出 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="150" />
            <source>Exported {0}</source>
            <translation>已导出 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="159" />
            <source>Cannot record: {0}</source>
            <translation>无法录制：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="162" />
            <source>Recording {0}…</source>
            <translation>正在录制 {0}…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="163" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="184" />
            <source>Recorded {0}</source>
            <translation>已录制 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="201" />
            <source>Export PNG ({0}×)</source>
            <translation>导出 PNG（{0}×）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="202" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="208" />
            <source>Export SVG</source>
            <translation>导出 SVG</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="208" />
            <source>SVG vector image (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="215" />
            <source>Export data</source>
            <translation>导出数据</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="215" />
            <source>Comma-separated values (*.csv)</source>
            <translation>逗号分隔值 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="225" />
            <source>Record animation</source>
            <translation>录制动画</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="225" />
            <source>GIF (*.gif)</source>
            <translation>GIF 动画 (*.gif)</translation>
        </message>
    </context>
    <context>
        <name>FileMenu</name>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="21" />
            <source>Weights (*.safetensors *.npz)</source>
            <translation>权重 (*.safetensors *.npz)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="22" />
            <source>Trace (*.npz)</source>
            <translation>计算记录 (*.npz)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="23" />
            <source>Lessons (*.vrnn *.json);;All files (*)</source>
            <translation>示例 (*.vrnn *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="51" />
            <source>Load weights…</source>
            <translation>载入权重…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="52" />
            <source>Save weights…</source>
            <translation>保存权重…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="53" />
            <source>Save trace (npz)…</source>
            <translation>保存计算记录 (npz)…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="56" />
            <source>Figure of the panel in front</source>
            <translation>当前面板的图像</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="59" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="63" />
            <source>New lesson</source>
            <translation>新建示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="64" />
            <source>Open lesson…</source>
            <translation>打开示例…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="65" />
            <source>Open recent</source>
            <translation>最近打开</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="67" />
            <source>Save lesson</source>
            <translation>保存示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="68" />
            <source>Save lesson as…</source>
            <translation>示例另存为…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="90" />
            <source>Loaded {0}</source>
            <translation>已载入 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="105" />
            <source>Could not save {0}: {1}</source>
            <translation>无法保存 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="107" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="121" />
            <source>No recent lessons</source>
            <translation>没有最近打开的示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="130" />
            <source>Open lesson</source>
            <translation>打开示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="144" />
            <source>Panel: {0}</source>
            <translation>面板：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="152" />
            <source>Load weights</source>
            <translation>载入权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="160" />
            <source>Save weights</source>
            <translation>保存权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="169" />
            <source>Save trace</source>
            <translation>保存计算记录</translation>
        </message>
    </context>
    <context>
        <name>GifRecorder</name>
        <message>
            <location filename="../../visualrnn/ui/common/gif_recorder.py" line="89" />
            <source>Recording cancelled</source>
            <extracomment>At most this many frames (a slide's GIF, and the memory its frames take). Frames per second offered, and the default.</extracomment>
            <translation>录制已取消</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/gif_recorder.py" line="108" />
            <source>Recording failed: {0}</source>
            <translation>录制失败：{0}</translation>
        </message>
    </context>
    <context>
        <name>Glossary</name>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="15" />
            <source>ρ — spectral radius (谱半径)</source>
            <extracomment>key → (term, definition): English source strings, translated when shown.</extracomment>
            <translation>ρ —— 谱半径</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="16" />
            <source>The largest |eigenvalue| of the recurrent matrix W_h. Multiplying a vector by W_h again and again makes it grow (ρ &gt; 1) or shrink (ρ &lt; 1) roughly like ρᵗ.</source>
            <translation>循环权重矩阵 W_h 的特征值绝对值中的最大者（max |特征值|）。一个向量反复乘以 W_h，其长度大致按 ρᵗ 增大（ρ &gt; 1）或缩小（ρ &lt; 1）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="23" />
            <source>σ_max — largest singular value</source>
            <translation>σ_max —— 最大奇异值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="24" />
            <source>The most W_h can stretch any vector: ‖v·W_h‖ ≤ σ_max·‖v‖. It is at least ρ.</source>
            <translation>W_h 能把任意向量拉长的最大倍数：‖v·W_h‖ ≤ σ_max·‖v‖。它不小于 ρ。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="30" />
            <source>γ — the activation's steepest slope</source>
            <translation>γ —— 激活函数的最大斜率</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="31" />
            <source>γ = max |φ′|: 1 for tanh and for identity, ¼ for the sigmoid σ. Each step back the gradient passes through φ′, so it shrinks by at least this factor or less.</source>
            <translation>γ = max |φ′|：tanh 和恒等函数为 1，sigmoid σ 为 ¼。梯度每反向传播一步都要乘以 φ′，而这个因子的绝对值不超过 γ。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="38" />
            <source>φ — the activation function (激活函数)</source>
            <translation>φ —— 激活函数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="39" />
            <source>The simple RNN's h_t = φ(a_t): tanh (the textbook's), relu, or identity (a linear RNN, used to show explosion without tanh damping it).</source>
            <translation>简单循环神经网络的 h_t = φ(a_t)：tanh（教材所用）、relu，或恒等函数（线性循环神经网络，用来在没有 tanh 抑制的情况下展示梯度爆炸）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="46" />
            <source>σ_max·γ — the Pascanu bound</source>
            <translation>σ_max·γ —— Pascanu 界</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="47" />
            <source>Each step back multiplies the back-propagated gradient by at most σ_max·γ. Below 1 it must vanish (sufficient); above 1 it may explode (necessary, not sufficient: growth is possible, not certain). Pascanu, Mikolov &amp; Bengio 2013.</source>
            <translation>每反向一步，传回的梯度至多乘以 σ_max·γ。小于 1 时梯度必然消失（充分条件）；大于 1 时梯度可能爆炸（必要而非充分：可能增大，但不一定）。见 Pascanu、Mikolov 与 Bengio（2013）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="55" />
            <source>overflow (溢出)</source>
            <translation>溢出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="56" />
            <source>A number too large for the computer (inf) or undefined (NaN): the gradient exploded. It is drawn in red, never hidden.</source>
            <translation>数值大到计算机无法表示（inf）或没有定义（NaN）：梯度爆炸了。溢出以红色标出，始终显示，不会被隐藏。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="63" />
            <source>saturated (饱和)</source>
            <translation>饱和</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="64" />
            <source>A gate near 0 or 1 (a tanh near ±1): its slope is almost 0, so almost no gradient passes through it.</source>
            <translation>门的值接近 0 或 1（tanh 接近 ±1）：斜率几乎为 0，几乎没有梯度能通过。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="71" />
            <source>gradient clipping (梯度裁剪)</source>
            <translation>梯度裁剪</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="72" />
            <source>If the norm ‖g‖ of all parameter gradients exceeds C, every gradient is scaled by C/‖g‖: the direction stays, the step is capped. It tames explosion; it cannot bring back a vanished gradient.</source>
            <translation>若全部参数梯度的范数 ‖g‖ 超过 C，就把每个梯度乘以 C/‖g‖：方向不变，步长受限。它能抑制梯度爆炸，但不能找回已经消失的梯度。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="80" />
            <source>truncated BPTT, k (截断)</source>
            <translation>截断 BPTT，k</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="81" />
            <source>The state flows forward as always, but the gradient is cut every k steps: a loss teaches only the last ≤ k steps before it. Cheaper, and blind to longer dependencies.</source>
            <translation>状态照常向前传递，但梯度每 k 步截断一次：每个损失的梯度最多只能传回它之前的 k 个时刻。计算量更小，但学不到更长的依赖。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="89" />
            <source>BPTT — back-propagation through time (沿时间反向传播)</source>
            <translation>BPTT —— 沿时间反向传播</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="90" />
            <source>The unrolled network is a feed-forward network with one layer per step; BPTT is back-propagation through it, from the loss at the end back to t = 0.</source>
            <translation>展开后的网络是每个时刻一层的前馈神经网络；BPTT 就是在它上面做反向传播，从末尾的损失一直传回 t = 0。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="97" />
            <source>memory path (记忆通路)</source>
            <translation>记忆通路</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/glossary.py" line="98" />
            <source>In an LSTM the cell state c goes from step to step multiplied only by the forget gate f (by 1 without a forget gate): a path with no W_h and no tanh′, along which a gradient can travel far.</source>
            <translation>在 LSTM 中，状态 c 从一个时刻到下一个时刻只乘以遗忘门 f（没有遗忘门时乘以 1）：这条通路上没有 W_h，也没有 tanh′，梯度可以沿它传得很远。</translation>
        </message>
    </context>
    <context>
        <name>GradientFlowView</name>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="77" />
            <source>Compare RNN / LSTM / GRU on the same input</source>
            <extracomment>‖dc_t‖ of a cell with a memory state: a colour of its own in single mode (solid: a dashed pen on a long path is slow to draw); in compare mode dashed in its cell's colour, so the two LSTMs stay apart. The memory path alone (last step's gradient × the memory gates): thin, dashed, grey. Lessons larger than this (T·H) skip the memory-path curve (it redoes the backward pass). The truncation cuts: the same dark red as the cut marks in the network.</extracomment>
            <translation>在相同输入上比较 RNN / LSTM / GRU</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="97" />
            <source>step t</source>
            <translation>时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="100" />
            <source>&lt;b&gt;⟵ gradient flows back in time (BPTT), from the loss&lt;/b&gt;</source>
            <extracomment>the axis note, long and short: the short one when the long one would be cut</extracomment>
            <translation>&lt;b&gt;⟵ 梯度从损失出发，沿时间反向传播（BPTT）&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="101" />
            <source>&lt;b&gt;⟵ back in time (BPTT)&lt;/b&gt;</source>
            <translation>&lt;b&gt;⟵ 沿时间反向（BPTT）&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="103" />
            <source>norm (log scale)</source>
            <translation>范数（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="227" />
            <source>‖dh&lt;sub&gt;t&lt;/sub&gt;‖ = ‖∂L/∂h&lt;sub&gt;t&lt;/sub&gt;‖</source>
            <translation>‖dh&lt;sub&gt;t&lt;/sub&gt;‖ = ‖∂L/∂h&lt;sub&gt;t&lt;/sub&gt;‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="231" />
            <source>‖dc&lt;sub&gt;t&lt;/sub&gt;‖ = ‖∂L/∂c&lt;sub&gt;t&lt;/sub&gt;‖</source>
            <translation>‖dc&lt;sub&gt;t&lt;/sub&gt;‖ = ‖∂L/∂c&lt;sub&gt;t&lt;/sub&gt;‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="234" />
            <source>memory path</source>
            <translation>记忆通路</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="235" />
            <source>the memory path alone</source>
            <translation>仅沿记忆通路</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="265" />
            <source>slope ρ per step, ρ = {r}</source>
            <translation>参考线：每步 ×ρ，ρ = {r}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="270" />
            <source>(‖dh‖: {f})</source>
            <translation>（‖dh‖：{f}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="319" />
            <source>too large to compute live</source>
            <translation>太大，无法实时计算</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="324" />
            <source> (‖dc‖ {f})</source>
            <translation>（‖dc‖ {f}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="327" />
            <source>‖dh‖ </source>
            <translation>‖dh‖ </translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="408" />
            <source>truncation cut every k = {k}: no gradient crosses</source>
            <translation>每 k = {k} 步截断一次：梯度不会越过截断处</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="412" />
            <source>overflow (inf / NaN)</source>
            <translation>溢出（inf / NaN）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="414" />
            <source>vanished (exactly 0)</source>
            <translation>消失（恰好为 0）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_plot_view.py" line="415" />
            <source>the lesson's step t</source>
            <translation>当前时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="127" />
            <source>{n}: {k} steps vanished to exactly 0 (▼)</source>
            <translation>{n}：{k} 步衰减到恰好为 0（▼）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="132" />
            <source>&lt;span style='color:{c}'&gt;{n}: {k} steps overflowed to inf/NaN (▲)&lt;/span&gt;</source>
            <translation>&lt;span style='color:{c}'&gt;{n}：{k} 步溢出为 inf/NaN（▲）&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="31" />
            <source>not finite</source>
            <translation>非有限值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="30" />
            <source>0 at an end</source>
            <translation>一端为 0</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="39" />
            <source>0 in every chunk</source>
            <translation>每段均为 0</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="42" />
            <source>×{a} per chunk</source>
            <translation>每段 ×{a}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="45" />
            <source>×{a} … ×{b} per chunk</source>
            <translation>每段 ×{a} … ×{b}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="53" />
            <source>Back in time inside each chunk (k = {k}): </source>
            <translation>在每段内沿时间反向（k = {k}）：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="56" />
            <source>Back in time, t = {last} → 0: </source>
            <translation>沿时间反向，t = {last} → 0：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="73" />
            <source>&lt;b&gt;fell {n:.1f} orders of magnitude&lt;/b&gt;</source>
            <translation>&lt;b&gt;下降了 {n:.1f} 个数量级&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="77" />
            <source>&lt;b style='color:{c}'&gt;grew {n:.1f} orders of magnitude&lt;/b&gt;</source>
            <translation>&lt;b style='color:{c}'&gt;增长了 {n:.1f} 个数量级&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="81" />
            <source>&lt;b&gt;neither vanished nor exploded&lt;/b&gt; (within ×10)</source>
            <translation>&lt;b&gt;既没有消失，也没有爆炸&lt;/b&gt;（在 10 倍以内）</translation>
        </message>
        <message>
            <source>&lt;b&gt;neither vanished nor exploded&lt;/b&gt; (less than ×10 either way)</source>
            <translation type="vanished">&lt;b&gt;既没有消失，也没有爆炸&lt;/b&gt;（两个方向都不到 10 倍）</translation>
        </message>
        <message>
            <source>&lt;b&gt;stayed within a factor of 10&lt;/b&gt;</source>
            <translation type="vanished">&lt;b&gt;变化不超过 10 倍&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="93" />
            <source> ({n} chunks without a loss: 0)</source>
            <translation>（{n} 段没有损失，梯度为 0）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="96" />
            <source> — &lt;b&gt;0 across a cut&lt;/b&gt; (no gradient crosses)</source>
            <translation> — &lt;b&gt;截断处为 0&lt;/b&gt;（梯度不会越过截断处）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="103" />
            <source>{v} — one step: nothing to flow back through</source>
            <translation>{v} — 只有一步：没有可以反向传回的时刻</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="112" />
            <source>&lt;b style='color:{c}'&gt;overflow&lt;/b&gt; (▲ markers)</source>
            <translation>&lt;b style='color:{c}'&gt;溢出&lt;/b&gt;（▲ 标记）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_text.py" line="115" />
            <source>&lt;b&gt;vanished to exactly 0&lt;/b&gt; (▼ markers)</source>
            <translation>&lt;b&gt;衰减到恰好为 0&lt;/b&gt;（▼ 标记）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/steps_back_axis.py" line="28" />
            <source>steps back from the loss ⟵</source>
            <translation>距损失的反向步数 ⟵</translation>
        </message>
    </context>
    <context>
        <name>GradientLabControls</name>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="58" />
            <source>all steps</source>
            <translation>每一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="59" />
            <source>last step only</source>
            <translation>仅最后一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="63" />
            <source>k =</source>
            <translation>k =</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="65" />
            <source>C =</source>
            <translation>C =</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="71" />
            <source>Rescales Wₕ to this spectral radius (seeded weights).</source>
            <translation>将 Wₕ 缩放到这个谱半径（使用随机种子生成的权重）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="83" />
            <source>Spectral radius ρ of W&lt;sub&gt;h&lt;/sub&gt;</source>
            <translation>W&lt;sub&gt;h&lt;/sub&gt; 的谱半径 ρ</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="84" />
            <source>Activation φ (RNN only)</source>
            <translation>激活函数 φ（仅 RNN）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="87" />
            <source>Memory bias: b&lt;sub&gt;f&lt;/sub&gt; (LSTM forget gate), b&lt;sub&gt;z&lt;/sub&gt; (GRU update gate)</source>
            <translation>记忆偏置：b&lt;sub&gt;f&lt;/sub&gt;（LSTM 遗忘门）、b&lt;sub&gt;z&lt;/sub&gt;（GRU 更新门）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="91" />
            <source>Sequence length T</source>
            <translation>序列长度 T</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="92" />
            <source>Loss at</source>
            <translation>损失位置</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="94" />
            <source>Truncated BPTT: cut the gradient every k steps</source>
            <translation>截断 BPTT：每 k 步截断一次梯度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/gradient_lab_controls.py" line="98" />
            <source>Clipping: scale the gradient down to norm ≤ C</source>
            <translation>梯度裁剪：把梯度缩小到范数 ≤ C</translation>
        </message>
    </context>
    <context>
        <name>GradientPanels</name>
        <message>
            <location filename="../../visualrnn/ui/gradients/__init__.py" line="16" />
            <source>Gradient flow</source>
            <translation>梯度流动</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/__init__.py" line="17" />
            <source>Gradient lab</source>
            <translation>梯度实验</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/__init__.py" line="15" />
            <source>Gates and states</source>
            <translation>门与状态</translation>
        </message>
    </context>
    <context>
        <name>HeatmapGrid</name>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_grid.py" line="131" />
            <source>step t</source>
            <extracomment>Up to this many cells (T·H) a heatmap also writes each value as text. Pixels per row of heatmaps (title, image, axis) below which the dock scrolls instead.</extracomment>
            <translation>时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_grid.py" line="131" />
            <source>unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_grid.py" line="258" />
            <location filename="../../visualrnn/ui/heatmaps/heatmap_grid.py" line="317" />
            <source>overflow</source>
            <translation>溢出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_grid.py" line="318" />
            <source>{name}   unit {u}   step t = {t}   value {v}</source>
            <translation>{name}   单元 {u}   时刻 t = {t}   数值 {v}</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="21" />
            <source>Glossary: the symbols and terms</source>
            <translation>术语表：符号与术语</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="26" />
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="46" />
            <source>About VisualRNN</source>
            <translation>关于 VisualRNN</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="33" />
            <source>Glossary</source>
            <translation>术语表</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="48" />
            <source>&lt;b&gt;VisualRNN {0}&lt;/b&gt;</source>
            <translation>&lt;b&gt;VisualRNN {0}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="51" />
            <source>See a recurrent neural network think, one time step at a time: the unrolled network, the inside of the cell, the equations with this step's numbers, the gates and states, and the gradient flowing back in time.</source>
            <translation>一个时刻一个时刻地看循环神经网络如何“思考”：展开后的网络、循环体内部、代入当前时刻数值的公式、各个门与状态，以及沿时间反向流动的梯度。</translation>
        </message>
    </context>
    <context>
        <name>LearningGradientView</name>
        <message>
            <location filename="../../visualrnn/ui/training/learning_gradient_view.py" line="39" />
            <source>time step t</source>
            <extracomment>log₁₀ of the norms at the ends of the colour scale (10⁻¹⁰ … 10⁰).</extracomment>
            <translation>时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/learning_gradient_view.py" line="39" />
            <source>update</source>
            <translation>更新次数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/learning_gradient_view.py" line="68" />
            <source>Gradient during learning: log₁₀ ‖∂L/∂hₜ‖</source>
            <translation>训练中的梯度：log₁₀ ‖∂L/∂hₜ‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/learning_gradient_view.py" line="69" />
            <source>log₁₀ ‖∂L/∂cₜ‖ (memory cell)</source>
            <translation>log₁₀ ‖∂L/∂cₜ‖（状态 c）</translation>
        </message>
        <message>
            <source>Gradient during learning: log₁₀ ‖∂L/∂h_t‖</source>
            <translation type="vanished">训练中的梯度：log₁₀ ‖∂L/∂h_t‖</translation>
        </message>
        <message>
            <source>log₁₀ ‖∂L/∂c_t‖ (memory cell)</source>
            <translation type="vanished">log₁₀ ‖∂L/∂c_t‖（状态 c）</translation>
        </message>
    </context>
    <context>
        <name>LessonFiles</name>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="83" />
            <source>Untitled</source>
            <extracomment>A preset, or a bare lesson.json: Save asks for a new file (Save As). The weights file loaded into this lesson since it was opened ("" for none).</extracomment>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="85" />
            <source>{0} with the weights of {1}</source>
            <translation>{0}，使用 {1} 中的权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="97" />
            <source>{0} (read-only)</source>
            <translation>{0}（只读）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="143" />
            <source>Could not open {0}</source>
            <translation>无法打开 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="172" />
            <source>Could not open {0}: {1}</source>
            <translation>无法打开 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="184" />
            <source>Opened {0}</source>
            <translation>已打开 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="201" />
            <source>Could not save {0}</source>
            <translation>无法保存 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="206" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="212" />
            <source>lesson</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="214" />
            <source>Save lesson</source>
            <translation>保存示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="221" />
            <source>VisualRNN lessons (*.vrnn);;All files (*)</source>
            <translation>VisualRNN 示例 (*.vrnn);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="231" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="233" />
            <source>The lesson “{0}” has changes that are not saved.</source>
            <translation>示例“{0}”有尚未保存的更改。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/lesson_files.py" line="235" />
            <source>Save them first?</source>
            <translation>要先保存吗？</translation>
        </message>
    </context>
    <context>
        <name>LessonSession</name>
        <message>
            <location filename="../../visualrnn/session/recompute.py" line="165" />
            <source>not enough memory to compute this lesson; use fewer steps, hidden units or outputs</source>
            <extracomment>How often a running job is checked, in milliseconds.</extracomment>
            <translation>内存不足，无法计算这个示例；请减少时间步数、隐藏单元数或输出数</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../visualrnn/ui/shell/file_menu.py" line="46" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="49" />
            <source>loss at every step</source>
            <translation>损失：每一步</translation>
        </message>
        <message>
            <source>loss at the last step</source>
            <translation type="vanished">损失：仅最后一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="50" />
            <source>loss only at the last step</source>
            <translation>损失：仅最后一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="56" />
            <source>input</source>
            <extracomment>What a lesson's note is about: it is hidden while any of these differs from the lesson. The session's error sources, shown through ``self.tr`` (listed here for lupdate).</extracomment>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="57" />
            <source>targets</source>
            <translation>目标</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="58" />
            <source>config</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="107" />
            <location filename="../../visualrnn/ui/shell/main_window.py" line="159" />
            <source>Input sequence</source>
            <extracomment>The app's Preferences (remembered window, recent lessons); None: nothing kept.</extracomment>
            <translation>输入序列</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="270" />
            <source>&amp;Lesson</source>
            <translation>示例(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="291" />
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="318" />
            <source>Internal error: {0} (playback paused)</source>
            <translation>内部错误：{0}（已暂停播放）</translation>
        </message>
        <message>
            <source>overflow</source>
            <translation type="vanished">溢出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="383" />
            <source>L = {0}</source>
            <translation>L = {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="385" />
            <source>L = {0} (whole sequence)</source>
            <translation>L = {0}（整个序列）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="388" />
            <source>overflow: some values are inf / NaN</source>
            <translation>溢出：部分数值为 inf / NaN</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="395" />
            <source>{0}: {1}</source>
            <translation>{0}：{1}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="415" />
            <source>Internal error</source>
            <translation>内部错误</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/main_window.py" line="417" />
            <source>Logged to {0}</source>
            <translation>已记录到 {0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/status_summary.py" line="56" />
            <source>step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/status_summary.py" line="58" />
            <source> · no step taken yet</source>
            <translation> · 尚未执行任何一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/status_summary.py" line="60" />
            <source> · cell A{0} (t = {1})</source>
            <translation> · 循环体 A{0}（t = {1}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="46" />
            <source>&amp;View</source>
            <extracomment>From this text size on, a window smaller than CROWDED_SIZE suggests presenter mode.</extracomment>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/__init__.py" line="15" />
            <source>Step values</source>
            <translation>每步数值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/__init__.py" line="15" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/help_menu.py" line="19" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
    </context>
    <context>
        <name>MatrixCanvas</name>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="234" />
            <source>first {shown} of {n} columns shown</source>
            <extracomment>At most this many rows and columns per matrix (the last one a "…" for the rest when there are more); fewer columns when the panel is narrow, never fewer than MIN_COLUMNS.</extracomment>
            <translation>显示 {n} 列中的前 {shown} 列</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="240" />
            <source>first {shown} of {n} rows of {symbol} shown</source>
            <translation>显示 {symbol} 的 {n} 行中的前 {shown} 行</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="243" />
            <source>all of them in Export data (CSV)</source>
            <translation>全部数值见“导出数据（CSV）”</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="347" />
            <source>row {k}: {meaning}</source>
            <translation>第 {k} 行：{meaning}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="351" />
            <source>column {k}: {meaning}</source>
            <translation>第 {k} 列：{meaning}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="355" />
            <source>acts in: {equation}</source>
            <translation>所在公式：{equation}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/matrix_canvas.py" line="357" />
            <source>stored as {source} (PyTorch layout)</source>
            <translation>存储为 {source}（PyTorch 布局）</translation>
        </message>
    </context>
    <context>
        <name>ModelToolbar</name>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="42" />
            <source>Model</source>
            <extracomment>The user picked the preset of this name in the box (not applied yet).</extracomment>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="49" />
            <source>(changed)</source>
            <translation>（已修改）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="51" />
            <source>The lesson differs from the preset; choose the preset again to restore it</source>
            <translation>当前设置已偏离所选示例；重新选择该示例即可恢复</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="59" />
            <source>Re-roll</source>
            <translation>重新随机</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="60" />
            <source>Draw a new random seed: new initial weights, everything else the same</source>
            <translation>换一个随机种子：重新生成初始权重，其余设置不变</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="65" />
            <source>Reset weights</source>
            <translation>重置权重</translation>
        </message>
        <message>
            <source>Reset to the same initialisation (same seed)</source>
            <translation type="vanished">恢复到相同的初始化（同一随机种子）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="66" />
            <source>Back to the lesson's own weights (the textbook's, or its seed)</source>
            <translation>恢复本示例原有的权重（教材中的权重，或按其随机种子初始化的权重）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="78" />
            <source>Lesson</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="79" />
            <source>Cell</source>
            <translation>循环体</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="80" />
            <source>Hidden size H</source>
            <translation>隐藏层大小 H</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="81" />
            <source>Spectral radius ρ</source>
            <translation>谱半径 ρ</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="82" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="93" />
            <source>A preset sets the whole lesson</source>
            <translation>选择一个内置示例，一次设定全部参数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="94" />
            <source>Simple RNN, LSTM or GRU (switching uses seeded weights)</source>
            <translation>简单 RNN、LSTM 或 GRU（切换后使用随机种子生成的权重）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="95" />
            <source>H, the number of hidden units</source>
            <translation>H：隐藏单元的个数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="98" />
            <source>Scale the recurrent weights W_h to spectral radius ρ:
ρ &lt; 1 lets gradients vanish, ρ &gt; 1 lets them explode (“default” keeps the initialiser's own scale)</source>
            <translation>把循环权重 W_h 缩放到谱半径 ρ：
ρ &lt; 1 时梯度容易消失，ρ &gt; 1 时梯度容易爆炸（“默认”保留初始化方法自身的尺度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="103" />
            <source>The random seed of the initial weights</source>
            <translation>初始权重的随机种子</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="148" />
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="242" />
            <source>(the weights are fixed: changing this switches to seeded weights)</source>
            <translation>（权重已固定：修改此项将改用随机种子生成的权重）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="250" />
            <source>of the weights ({0})</source>
            <translation>权重本身（{0}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/model_toolbar.py" line="252" />
            <source>default ({0})</source>
            <translation>默认（{0}）</translation>
        </message>
    </context>
    <context>
        <name>NetworkPanels</name>
        <message>
            <location filename="../../visualrnn/ui/cell/__init__.py" line="19" />
            <source>Inside the cell</source>
            <translation>循环体内部</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/equations/__init__.py" line="15" />
            <source>Equations</source>
            <translation>公式</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/__init__.py" line="22" />
            <source>Unrolled network</source>
            <translation>展开后的网络</translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <location filename="../../visualrnn/ui/shell/notice_bar.py" line="21" />
            <source>What to notice</source>
            <translation>观察要点</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/notice_bar.py" line="32" />
            <source>Hide this note for this lesson</source>
            <translation>在本示例中隐藏这条提示</translation>
        </message>
    </context>
    <context>
        <name>ParametersView</name>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="142" />
            <source>fully connected layer in the cell (循环体中的全连接层)</source>
            <extracomment>Row kinds: which vector a row multiplies ("" for a bias row). A recurrent product inside ``⊙ ( )``: its bias cannot be folded into the input side.</extracomment>
            <translation>循环体中的全连接层</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="153" />
            <source>output layer (用于输出的全连接层)</source>
            <translation>用于输出的全连接层</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="164" />
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="172" />
            <source>multiplies {h}, unit {k} of {state}</source>
            <translation>与 {h} 相乘，即 {state} 的第 {k} 个单元</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="167" />
            <source>multiplies {x}, component {k} of the input {vec}</source>
            <translation>与 {x} 相乘，即输入 {vec} 的第 {k} 个分量</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="174" />
            <source>added once, no input multiplies it</source>
            <translation>偏置项：直接相加，不与输入相乘</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="180" />
            <source>feeds {y}, output {k} of y_t</source>
            <translation>用于计算 {y}，即 y_t 的第 {k} 个输出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameter_blocks.py" line="182" />
            <source>feeds {col}, unit {k} of {name}</source>
            <translation>用于计算 {col}，即 {name} 的第 {k} 个单元</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameters_view.py" line="113" />
            <source>parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameters_view.py" line="123" />
            <source>{cell} · H = {H} hidden units · I = {I} · O = {O}</source>
            <translation>{cell} · H = {H} 个隐藏单元 · I = {I} · O = {O}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameters_view.py" line="126" />
            <source>row vectors, as in the textbook: h_{t−1} · W_h + x_t · W_x + b</source>
            <translation>与教材一样使用行向量：h_{t−1} · W_h + x_t · W_x + b</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/parameters/parameters_view.py" line="129" />
            <source>No output layer: y_t = h_t</source>
            <translation>没有输出层：y_t = h_t</translation>
        </message>
    </context>
    <context>
        <name>PascanuReadout</name>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="110" />
            <source>spectral radius ρ</source>
            <extracomment>PyTorch parameter names → symbols (HTML subscripts). The LSTM / GRU keep one symbol per stacked matrix (all gates); the RNN uses the textbook's (:data:`RNN_SYMBOLS`). The textbook's RNN: a_t = h_{t−1}·W_h + x_t·W_x + b, y_t = h_t·W_y + b_y — one bias b. The engine's two biases enter a_t as b_ih + b_hh, so ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh: the readout shows that gradient once, as b (bias_hh_l0 is skipped).</extracomment>
            <translation>谱半径 ρ</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="111" />
            <source>γ = max |φ′|</source>
            <translation>γ = max |φ′|</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="126" />
            <source>mean {g}</source>
            <translation>{g} 的均值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="128" />
            <source>min {g}</source>
            <translation>{g} 的最小值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="24" />
            <source>Truncated BPTT, k = {k}</source>
            <extracomment>|σ_max·γ − 1| below this reads as exactly 1 (an identity RNN with orthogonal W_h).</extracomment>
            <translation>截断 BPTT，k = {k}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="25" />
            <source>No gradient crosses a cut: every path back is at most k steps long, so inside a chunk ‖dh‖ changes at most ×(σ&lt;sub&gt;max&lt;/sub&gt;·γ)&lt;sup&gt;k−1&lt;/sup&gt; — bounded.</source>
            <translation>梯度不会越过截断处：每条反向路径最长 k 步，所以在一段之内 ‖dh‖ 最多变化 ×(σ&lt;sub&gt;max&lt;/sub&gt;·γ)&lt;sup&gt;k−1&lt;/sup&gt;，是有界的。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="35" />
            <source>σ&lt;sub&gt;max&lt;/sub&gt;·γ = 1: the borderline</source>
            <translation>σ&lt;sub&gt;max&lt;/sub&gt;·γ = 1：临界情况</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="36" />
            <source>Each step back multiplies the back-propagated ‖dh‖ by at most 1: it cannot grow, and it shrinks wherever φ′ &lt; 1.</source>
            <translation>每反向传播一步，传回的 ‖dh‖ 至多乘以 1：它不会增大，并在 φ′ &lt; 1 的地方变小。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="47" />
            <source>Steps back may multiply ‖dh‖ by more than 1, so it can grow without bound. σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;gt; 1 is needed for that, but does not guarantee it (necessary, not sufficient).</source>
            <translation>反向传播时 ‖dh‖ 每步可能乘以大于 1 的数，因此可能无限增大。σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;gt; 1 是发生这种情况的必要条件，但不能保证它发生（必要而非充分）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="61" />
            <source>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1: vanishing guaranteed</source>
            <translation>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1：梯度必然消失</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="62" />
            <source>Each step back multiplies ‖dh‖ by at most σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1, so it must shrink.</source>
            <translation>每反向传播一步，‖dh‖ 至多乘以 σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1，因此必然变小。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="70" />
            <source>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1: each loss's gradient vanishes</source>
            <translation>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1：每个损失的梯度都会消失</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="71" />
            <source>What flows back from a later loss shrinks by at most σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1 per step. Here every step has a loss of its own, so ‖dh&lt;sub&gt;t&lt;/sub&gt;‖ — all of them added — need not fall. Put the loss at the last step (Gradient lab) to watch one gradient vanish.</source>
            <translation>来自后面某个损失的梯度，每反向一步至多乘以 σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;lt; 1，因而变小。这里每个时刻都有自己的损失，所以把它们加起来的 ‖dh&lt;sub&gt;t&lt;/sub&gt;‖ 不一定下降。在“梯度实验”中把损失放在最后一步，就能看到单个梯度消失。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_text.py" line="46" />
            <source>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;gt; 1: explosion possible</source>
            <translation>σ&lt;sub&gt;max&lt;/sub&gt;·γ &amp;gt; 1：可能出现梯度爆炸</translation>
        </message>
        <message>
            <source>Steps back may multiply ‖dh‖ by more than 1: it can grow without bound (necessary, not sufficient).</source>
            <translation type="vanished">反向传播的每一步可能让 ‖dh‖ 乘以大于 1 的数：它可能无限增长（这是必要条件，不是充分条件）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="148" />
            <source>{cell} memory path: {equation}</source>
            <translation>{cell} 的记忆通路：{equation}</translation>
        </message>
        <message>
            <source>{path}. The RNN's σ&lt;sub&gt;max&lt;/sub&gt;·γ rule does not apply here.</source>
            <translation type="vanished">{path}。RNN 的 σ&lt;sub&gt;max&lt;/sub&gt;·γ 判据在这里不适用。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="152" />
            <source>{path}. Other paths (through h and the gates) add to it, so the total can grow going back; the thin dashed curve in the plot is the memory path alone. The RNN's σ&lt;sub&gt;max&lt;/sub&gt;·γ rule does not apply here.</source>
            <translation>{path}。其他通路（经过 h 和各个门）也会加入梯度，所以反向时总梯度可能变大；图中细虚线是仅沿记忆通路的部分。RNN 的 σ&lt;sub&gt;max&lt;/sub&gt;·γ 判据在这里不适用。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="163" />
            <source>Global gradient norm ‖g‖ = &lt;b&gt;{b}&lt;/b&gt;, no clipping</source>
            <translation>全局梯度范数 ‖g‖ = &lt;b&gt;{b}&lt;/b&gt;，未做梯度裁剪</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="164" />
            <source>clipped</source>
            <translation>已裁剪</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="164" />
            <source>not clipped</source>
            <translation>未裁剪</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="165" />
            <source>Global gradient norm ‖g‖ &lt;b&gt;{b}&lt;/b&gt; → &lt;b&gt;{a}&lt;/b&gt; (C = {c}, {s})</source>
            <translation>全局梯度范数 ‖g‖ &lt;b&gt;{b}&lt;/b&gt; → &lt;b&gt;{a}&lt;/b&gt;（C = {c}，{s}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="181" />
            <source>‖∂L/∂θ‖ per parameter (before clipping)</source>
            <translation>各参数的 ‖∂L/∂θ‖（裁剪前）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="186" />
            <source>‖g‖ counts b twice: PyTorch keeps two bias vectors that add up to b.</source>
            <translation>‖g‖ 把 b 计算了两次：PyTorch 用两个相加等于 b 的偏置向量来存储它。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="190" />
            <source>b&lt;sub&gt;x&lt;/sub&gt; and b&lt;sub&gt;h&lt;/sub&gt; get the same gradient: PyTorch keeps two bias vectors that add up to one bias per gate.</source>
            <translation>b&lt;sub&gt;x&lt;/sub&gt; 与 b&lt;sub&gt;h&lt;/sub&gt; 的梯度相同：PyTorch 为每个门存两个偏置向量，二者相加才是这个门的偏置。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/pascanu_readout.py" line="203" />
            <source>overflow</source>
            <translation>溢出</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <location filename="../../visualrnn/ui/shell/presenter.py" line="33" />
            <source>1–9: choose the view · ←/→: step · Esc: back</source>
            <extracomment>The text size while presenting (at least; a larger one the teacher chose stays).</extracomment>
            <translation>1–9：选择视图 · ←/→：单步 · Esc：退出演示</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/presenter.py" line="63" />
            <source>step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/presenter.py" line="65" />
            <source> (t = {0})</source>
            <translation>（t = {0}）</translation>
        </message>
    </context>
    <context>
        <name>RacePlots</name>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="43" />
            <location filename="../../visualrnn/ui/training/race_plot.py" line="46" />
            <source>update</source>
            <extracomment>The plot height (at 100 % text) below which the legend hides.</extracomment>
            <translation>更新次数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="54" />
            <source>chance</source>
            <translation>随机猜测</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="55" />
            <source>solved</source>
            <translation>达标</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="102" />
            <source>Test set: {0} (higher is better)</source>
            <translation>测试集：{0}（越高越好）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="104" />
            <source>Test set: {0} (lower is better)</source>
            <translation>测试集：{0}（越低越好）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="106" />
            <source>Loss L (log scale)</source>
            <translation>损失 L（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_plot.py" line="130" />
            <source>{0}: H = {1}, {2} parameters</source>
            <translation>{0}：H = {1}，{2} 个参数</translation>
        </message>
    </context>
    <context>
        <name>RaceSession</name>
        <message>
            <location filename="../../visualrnn/session/race_session.py" line="171" />
            <source>Tick at least one cell to race.</source>
            <extracomment>The cells a race can run, in the order they are offered; those ticked at first. The cell whose parameter count the others match. States of a race: none yet; running; every cell done; stopped by the teacher. Updates averaged in the drawn loss (one batch's loss is noisy).</extracomment>
            <translation>请至少勾选一种循环体参加比赛。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/race_session.py" line="210" />
            <source>Cannot start a worker: {0}</source>
            <translation>无法启动训练进程：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/race_session.py" line="216" />
            <source>Racing…</source>
            <translation>比赛中…</translation>
        </message>
    </context>
    <context>
        <name>RaceView</name>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="43" />
            <source>Same number of parameters</source>
            <translation>参数数量相同</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="45" />
            <source>Size every cell's H so that it has about as many parameters as the LSTM</source>
            <translation>调整每种循环体的 H，使其参数数量与 LSTM 大致相同</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="50" />
            <source>Start race</source>
            <translation>开始比赛</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="53" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="175" />
            <source>{task} · {length_name} = {length} · {optimizer} η = {lr:g} · B = {batch} · budget {budget} updates · every cell gets the same batches (seed {seed})</source>
            <translation>{task} · {length_name} = {length} · {optimizer} η = {lr:g} · B = {batch} · 最多 {budget} 次更新 · 每种循环体使用完全相同的批次（种子 {seed}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="200" />
            <source>Every cell solved it at this length: make {0} longer to see the plain RNN fall behind.</source>
            <translation>在这个长度下每种循环体都达标了：把“{0}”加大，就能看到普通 RNN 落在后面。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="226" />
            <source>{0} ✓ solved at update {1}</source>
            <translation>{0} ✓ 第 {1} 次更新时达标</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="229" />
            <source>{0} ✓ solved at update {1} ({2} at {3})</source>
            <translation>{0} ✓ 第 {1} 次更新时达标（第 {3} 次更新时 {2}）</translation>
        </message>
        <message>
            <source>{0} ✓ test set solved after {1} updates ({2})</source>
            <translation type="vanished">{0} ✓ {1} 次更新后测试集已达标（{2}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="233" />
            <source>{0} ✗ not solved in {1} updates ({2})</source>
            <translation>{0} ✗ {1} 次更新仍未达标（{2}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="235" />
            <source>{0} ✗ diverged at update {1}</source>
            <translation>{0} ✗ 第 {1} 次更新时发散</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="237" />
            <source>{0} ✗ its process stopped</source>
            <translation>{0} ✗ 训练进程意外停止</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/race_view.py" line="238" />
            <source>{0}: {1} at update {2}</source>
            <translation>{0}：第 {2} 次更新时 {1}</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="235" />
            <source>Record animation</source>
            <translation>录制动画</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="247" />
            <source>From step</source>
            <translation>起始步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="248" />
            <source>To step</source>
            <translation>结束步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="249" />
            <source>Frames per second</source>
            <translation>每秒帧数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/figure_menu.py" line="250" />
            <source>One frame per step, at most {0} frames.</source>
            <translation>每步一帧，最多 {0} 帧。</translation>
        </message>
    </context>
    <context>
        <name>SequenceEditor</name>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="119" />
            <source>Generate:</source>
            <extracomment>The lesson as it was when the editor left an input mode, and as the switch left it: switching straight back brings the textbook's weights back with the numbers (they read one number per step; text needs another W_x, so it left them).</extracomment>
            <translation>生成：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="124" />
            <source>Length T</source>
            <translation>长度 T</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="127" />
            <source>Targets (optional):</source>
            <translation>目标（可选）：</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="149" />
            <source>&lt;b&gt;Input x&lt;/b&gt;</source>
            <translation>&lt;b&gt;输入 x&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="151" />
            <source>Numbers</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="79" />
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="152" />
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="40" />
            <source>Period</source>
            <extracomment>Milliseconds of quiet typing before the text is validated and computed. The parameters' labels (shown through ``self.tr``; marked here for lupdate).</extracomment>
            <translation>周期</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="41" />
            <source>Amplitude</source>
            <translation>振幅</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="42" />
            <source>Phase (rad)</source>
            <translation>相位（弧度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="43" />
            <source>Position t</source>
            <translation>位置 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="44" />
            <source>Low</source>
            <translation>下限</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="45" />
            <source>High</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation type="vanished">随机种子</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="46" />
            <source>Noise seed</source>
            <translation>噪声随机种子</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="74" />
            <source>Sine</source>
            <extracomment>Generator parameters: name → (label, kind "int"/"float", low, high, default, step).</extracomment>
            <translation>正弦</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="75" />
            <source>Square</source>
            <translation>方波</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="76" />
            <source>Impulse</source>
            <translation>脉冲</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="77" />
            <source>Step</source>
            <translation>阶跃</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="78" />
            <source>Noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="82" />
            <source>x_t = amplitude · sin(2π t / period + phase)</source>
            <translation>x_t = 振幅 · sin(2π t / 周期 + 相位)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="83" />
            <source>x_t = ±amplitude, switching every half period</source>
            <translation>x_t = ±振幅，每半个周期切换一次</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="84" />
            <source>x_t = amplitude at one step, 0 elsewhere</source>
            <translation>x_t 在某一步等于振幅，其余各步为 0</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="85" />
            <source>x_t = 0 before the position, amplitude from there on</source>
            <translation>x_t 在该位置之前为 0，从该位置起等于振幅</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="88" />
            <source>x_t drawn uniformly from [low, high) with a seed</source>
            <translation>x_t 按随机种子从 [下限, 上限) 中均匀抽取</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="91" />
            <source>Characters, one step each, one-hot encoded</source>
            <translation>字符序列：每步一个字符，独热编码</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="153" />
            <source>1, 2, 0.5 — one value per step; 1 0; 0 1 — rows</source>
            <translation>1, 2, 0.5：每步一个值；1 0; 0 1：每行一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="166" />
            <source>Type the inputs, e.g. 1, 2, 0.5</source>
            <translation>在此键入输入序列，例如 1, 2, 0.5</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="169" />
            <source>One value per step: 1, 2, 0.5
Several values per step: rows separated by ; or new lines (1 0; 0 1)</source>
            <translation>每步一个值：1, 2, 0.5
每步多个值：每行一步，行之间用 ; 或换行分隔（1 0; 0 1）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="205" />
            <source>Number of steps T (regenerates or repeats the sequence)</source>
            <translation>步数 T（重新生成或重复序列）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="231" />
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="369" />
            <source>empty: target 0 at every step</source>
            <translation>留空：每一步的目标都为 0</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="232" />
            <source>One target per step, like the input (mse: numbers; ce: classes)</source>
            <translation>每步一个目标，格式同输入（mse：数值；ce：类别）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="365" />
            <source>empty: the next character; loss only at the last step</source>
            <translation>留空：目标是下一个字符；损失仅在最后一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="366" />
            <source>empty: the next character at every step</source>
            <translation>留空：每个时刻的目标是下一个字符</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="368" />
            <source>empty: target 0; loss only at the last step</source>
            <translation>留空：目标为 0；损失仅在最后一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_editor.py" line="408" />
            <source>The views keep showing the last good sequence (T = {0}).</source>
            <translation>各视图仍显示上一个有效的序列（T = {0}）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/escape_to_step.py" line="21" />
            <source>Typing: ← → move in the text. Esc: back to stepping with ← →.</source>
            <translation>输入时：← → 在文字中移动光标。按 Esc 后可用 ← → 单步执行。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/escape_to_step.py" line="42" />
            <source>Typing in the sequence: Esc, then ← / → to step.</source>
            <translation>正在输入序列：按 Esc，再用 ← / → 单步执行。</translation>
        </message>
    </context>
    <context>
        <name>SequenceTextEdit</name>
        <message>
            <location filename="../../visualrnn/ui/shell/sequence_text_edit.py" line="42" />
            <source>Not pasted: the input would have {0} characters; it takes at most {1}.</source>
            <extracomment>The longest input text a paste may make: 10,000 steps of a few values each. Runs without white space this long are wrapped anywhere.</extracomment>
            <translation>未粘贴：输入将有 {0} 个字符，最多只能有 {1} 个。</translation>
        </message>
    </context>
    <context>
        <name>StateHeatmapView</name>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="53" />
            <source>Reveal as you step</source>
            <translation>逐步显示</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="54" />
            <source>Grey out the steps not reached yet, like the network.</source>
            <translation>与网络图一样，把尚未到达的时刻显示为灰色。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="56" />
            <source>Stretch colours to the data</source>
            <translation>颜色范围随数据伸缩</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="59" />
            <source>Gates: colours span their own min … max instead of 0 … 1; tanh outputs ±their largest |value|. The colour bars show the range. Off: fixed ranges, comparable between lessons.</source>
            <translation>门：颜色范围取其自身的最小值 … 最大值，而不是 0 … 1；tanh 的输出取 ±其最大绝对值。颜色条显示所用的范围。关闭时使用固定范围，便于在不同示例之间比较。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="68" />
            <source>Share of values that are saturated: gates below 0.05 or above 0.95, the candidate (z of the LSTM, n of the GRU) and the RNN's h beyond ±0.95.</source>
            <translation>饱和数值所占的比例：门低于 0.05 或高于 0.95；候选值（LSTM 的输入值 z、GRU 的 n）和 RNN 的 h 超出 ±0.95。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="175" />
            <source>Drawing the heatmaps of the {cell} …</source>
            <translation>正在绘制 {cell} 的热图……</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="232" />
            <source>Saturated units (|h| &gt; 0.95): {parts}</source>
            <translation>饱和单元（|h| &gt; 0.95）：{parts}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/heatmap_view.py" line="233" />
            <source>Saturated (near 0 or 1, or ±1): {parts}</source>
            <translation>饱和（接近 0 或 1，或 ±1）：{parts}</translation>
        </message>
        <message>
            <source>Saturated: {parts}</source>
            <translation type="vanished">饱和：{parts}</translation>
        </message>
    </context>
    <context>
        <name>StepShareView</name>
        <message>
            <location filename="../../visualrnn/ui/gradients/step_share_view.py" line="33" />
            <source>Show each step's share of ∂L/∂Wₕ (bars over t)</source>
            <translation>显示各时刻对 ∂L/∂Wₕ 的贡献（按 t 的柱状图）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/step_share_view.py" line="37" />
            <source>step t</source>
            <translation>时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/gradients/step_share_view.py" line="37" />
            <source>‖share‖</source>
            <translation>‖贡献‖</translation>
        </message>
    </context>
    <context>
        <name>StepTableView</name>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="37" />
            <source>input</source>
            <extracomment>The per-step vectors of other sizes (input, output) and the scalar loss: shown below the hidden units, with their own header row, so that they do not read as "unit 0".</extracomment>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="39" />
            <source>gradient at the output</source>
            <extracomment>Backwards (BPTT), the gradients: rows per unit, and ∂L/∂y_t in the values line.</extracomment>
            <translation>输出的梯度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="43" />
            <source>gradient of h</source>
            <translation>h 的梯度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="45" />
            <source>gradient of c</source>
            <translation>c 的梯度</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="50" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="51" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="184" />
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="267" />
            <source>unit {k}</source>
            <translation>单元 {k}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="192" />
            <source>No step taken yet — press → to take step t = 0.</source>
            <translation>尚未执行任何一步：按 → 执行第 t = 0 步。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/step_values/step_table_view.py" line="196" />
            <source>Step {0} of {1} (t = {2})</source>
            <translation>第 {0} 步，共 {1} 步（t = {2}）</translation>
        </message>
        <message>
            <source>overflow</source>
            <translation type="vanished">溢出</translation>
        </message>
    </context>
    <context>
        <name>SweepPlot</name>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_plot.py" line="23" />
            <location filename="../../visualrnn/ui/training/sweep_plot.py" line="46" />
            <source>% of seeds solved</source>
            <translation>达标的种子比例（%）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_plot.py" line="50" />
            <source>{0}: share of seeds solved against {1}</source>
            <translation>{0}：达标的种子比例随 {1} 的变化</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_plot.py" line="55" />
            <source>Run a sweep, or open one</source>
            <translation>运行一次扫描，或打开已保存的扫描</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_plot.py" line="61" />
            <source>{0}: H = {1}, {2} parameters</source>
            <translation>{0}：H = {1}，{2} 个参数</translation>
        </message>
    </context>
    <context>
        <name>SweepSession</name>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="41" />
            <source>The file is too large.</source>
            <extracomment>The columns a sweep file must have (the others are read when present). The largest sweep file read (bytes).</extracomment>
            <translation>文件太大。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="45" />
            <source>Cannot read the file: {0}</source>
            <translation>无法读取文件：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="48" />
            <source>Not a sweep file: it is not text.</source>
            <translation>不是扫描文件：它不是文本。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="53" />
            <source>Not a sweep file: the column “{0}” is missing.</source>
            <translation>不是扫描文件：缺少“{0}”列。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="62" />
            <source>Not a sweep file: {0}</source>
            <translation>不是扫描文件：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="65" />
            <source>The sweep file has no runs.</source>
            <translation>扫描文件中没有任何运行记录。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="67" />
            <source>The file mixes several tasks.</source>
            <translation>文件中混有多个任务。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="75" />
            <source>Line {0}: unknown cell “{1}”.</source>
            <translation>第 {0} 行：未知的循环体“{1}”。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="82" />
            <source>Line {0}: “{1}” is not a whole number ({2}).</source>
            <translation>第 {0} 行：“{1}”不是整数（{2}）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="88" />
            <source>Line {0}: “{1}” is not True or False (solved).</source>
            <translation>第 {0} 行：“{1}”不是 True 或 False（solved）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="184" />
            <location filename="../../visualrnn/session/sweep_session.py" line="265" />
            <source>Cannot write {0}: {1}</source>
            <translation>无法写入 {0}：{1}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="187" />
            <source>Nothing to run: choose cells and lengths.</source>
            <translation>没有可运行的内容：请选择循环体和长度。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="196" />
            <source>Cannot start the sweep: {0}</source>
            <translation>无法开始扫描：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="204" />
            <source>Sweeping…</source>
            <translation>扫描中…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="214" />
            <source>Cancelled: {0} of {1} runs kept.</source>
            <translation>已取消：保留了 {1} 次运行中的 {0} 次。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="243" />
            <source>The sweep failed: {0}</source>
            <translation>扫描失败：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/sweep_session.py" line="253" />
            <source>Saved {0} runs to {1}.</source>
            <translation>已将 {0} 次运行保存到 {1}。</translation>
        </message>
    </context>
    <context>
        <name>SweepView</name>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="53" />
            <source>Same number of parameters</source>
            <extracomment>The lengths offered at first, per task (the sweep command's defaults otherwise).</extracomment>
            <translation>参数数量相同</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="54" />
            <source>Run sweep…</source>
            <translation>运行扫描…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="56" />
            <source>Choose a CSV file; every finished run is written to it at once</source>
            <translation>选择一个 CSV 文件；每完成一次运行就立即写入</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="58" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="59" />
            <source>Open sweep…</source>
            <translation>打开扫描…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="60" />
            <source>Show a sweep saved before (a CSV file)</source>
            <translation>显示之前保存的扫描（CSV 文件）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="84" />
            <source>Seeds</source>
            <translation>种子数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="86" />
            <source>Budget (updates)</source>
            <translation>更新次数上限</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="119" />
            <source>Lengths: whole numbers ≥ 1 separated by commas, e.g. 5, 10, 20.</source>
            <translation>长度：用逗号分隔的 ≥ 1 的整数，例如 5, 10, 20。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="122" />
            <source>Tick at least one cell.</source>
            <translation>请至少勾选一种循环体。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="144" />
            <source>Save the sweep as</source>
            <translation>将扫描保存为</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="144" />
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="152" />
            <source>Sweep (*.csv)</source>
            <translation>扫描 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="152" />
            <source>Open a sweep</source>
            <translation>打开扫描</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="183" />
            <source>{0} / {1} runs · {2} left</source>
            <translation>{0} / {1} 次运行 · 剩余 {2}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/sweep_view.py" line="185" />
            <source>{0} runs</source>
            <translation>{0} 次运行</translation>
        </message>
    </context>
    <context>
        <name>TrainingChecks</name>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="28" />
            <source>The learning rate must be a positive number, not {0}.</source>
            <extracomment>The largest learning rate accepted: beyond it an update jumps past any minimum. One update may cost at most this many times the largest live lesson's work.</extracomment>
            <translation>学习率必须是正数，而不是 {0}。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="32" />
            <source>A learning rate of {0} is far too large: every update would jump past any minimum. Use a value between 0.0001 and 1.</source>
            <translation>学习率 {0} 太大了：每次更新都会越过任何极小值。请使用 0.0001 到 1 之间的值。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="38" />
            <source>The batch, the budget and the test interval must be ≥ 1.</source>
            <translation>批量、更新次数上限和测试间隔都必须 ≥ 1。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="42" />
            <source>The clipping threshold must be positive (or clipping off).</source>
            <translation>梯度裁剪阈值必须为正（或关闭梯度裁剪）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="46" />
            <source>Momentum belongs to SGD; Adam has its own (β₁ = 0.9).</source>
            <translation>动量只用于 SGD；Adam 自带动量（β₁ = 0.9）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="52" />
            <source>This task cannot be made: {0}</source>
            <translation>无法生成这个任务：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="58" />
            <source>A batch of {0} sequences of {1} steps needs about {2:.1f} GB for one update; the limit is {3:.1f} GB. Use a smaller batch, a shorter task or fewer hidden units.</source>
            <translation>一批 {0} 个长度为 {1} 的序列每次更新约需 {2:.1f} GB 内存，上限为 {3:.1f} GB。请减小批量、缩短任务或减少隐藏单元。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_checks.py" line="64" />
            <source>One update of a batch of {0} sequences of {1} steps would take minutes. Use a smaller batch, a shorter task or fewer hidden units.</source>
            <translation>一批 {0} 个长度为 {1} 的序列更新一次需要几分钟。请减小批量、缩短任务或减少隐藏单元。</translation>
        </message>
    </context>
    <context>
        <name>TrainingControls</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="50" />
            <source>Race the cells</source>
            <translation>循环体比赛</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="51" />
            <source>RNN, LSTM and GRU side by side on the same batches</source>
            <translation>RNN、LSTM 与 GRU 在相同批次上并排训练</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="52" />
            <source>Sweep…</source>
            <translation>参数扫描…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="53" />
            <source>Success rate against length, per cell</source>
            <translation>每种循环体的成功率随长度的变化</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="100" />
            <source>This run</source>
            <translation>本次训练</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="101" />
            <source>Race</source>
            <translation>比赛</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="102" />
            <source>Sweep</source>
            <translation>参数扫描</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="134" />
            <source>update {0}</source>
            <translation>第 {0} 次更新</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_panel.py" line="136" />
            <source>{0:.0f} updates/s</source>
            <translation>每秒 {0:.0f} 次更新</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanels</name>
        <message>
            <location filename="../../visualrnn/ui/training/__init__.py" line="14" />
            <source>Training curves</source>
            <translation>训练曲线</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/__init__.py" line="15" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="64" />
            <location filename="../../visualrnn/ui/training/training_plots.py" line="67" />
            <location filename="../../visualrnn/ui/training/training_plots.py" line="78" />
            <location filename="../../visualrnn/ui/training/training_plots.py" line="85" />
            <source>update</source>
            <extracomment>Below this width per plot (pixels at 100 % text) the four plots go two by two. The height of a row of plots (at 100 % text): titles, ticks and a readable curve (the curves and the gradient images below them fit the docked panel of a 1600×1000 window). The ticks and range of a fraction's axis (accuracy, a gate's mean).</extracomment>
            <translation>更新次数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="76" />
            <source>chance</source>
            <translation>随机猜测</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="77" />
            <source>solved</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>Task: {0} (grey: batches, orange: test set)</source>
            <translation type="vanished">任务：{0}（灰色：各批次，橙色：测试集）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="170" />
            <source>‖g‖: grey before clipping, blue after</source>
            <translation>‖g‖：灰色为裁剪前，蓝色为裁剪后</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="152" />
            <source>Loss L (log scale)</source>
            <translation>损失 L（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="155" />
            <source>Task: {0} (orange: test set)</source>
            <translation>任务：{0}（橙色：测试集）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="174" />
            <source>Mean {0} {1}</source>
            <translation>{0} {1} 的平均值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_plots.py" line="177" />
            <source>Spectral radius ρ(W_h)</source>
            <translation>谱半径 ρ(W_h)</translation>
        </message>
    </context>
    <context>
        <name>TrainingRunBox</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="44" />
            <source>One update</source>
            <translation>更新一次</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="50" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="59" />
            <source>Show the weights as they were after an earlier update</source>
            <translation>显示较早某次更新之后的权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="110" />
            <source>Train, or pause the training</source>
            <translation>开始训练，或暂停训练</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="111" />
            <source>Exactly one update, then pause</source>
            <translation>只更新一次，然后暂停</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="112" />
            <source>Forget the run: back to the initial weights</source>
            <translation>放弃本次训练：回到初始权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="119" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="119" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="132" />
            <source>{0} / {1} updates</source>
            <translation>{0} / {1} 次更新</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="136" />
            <source>{0} · {1:.0f} updates/s · {2} left</source>
            <translation>{0} · 每秒 {1:.0f} 次更新 · 还需 {2}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="141" />
            <source>not trained yet: the race trains its own copies</source>
            <translation>尚未训练：比赛训练的是各循环体自己的副本</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="162" />
            <source>The network writes: &lt;b&gt;{0}&lt;/b&gt;</source>
            <translation>网络写出：&lt;b&gt;{0}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="177" />
            <source>{0} → &lt;b&gt;{1}&lt;/b&gt; ({2:.0%})</source>
            <translation>{0} → &lt;b&gt;{1}&lt;/b&gt;（{2:.0%}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="182" />
            <source>&lt;span style='color:#CC0000'&gt;wrong: it is {0}&lt;/span&gt;</source>
            <translation>&lt;span style='color:#CC0000'&gt;错误：应为 {0}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="187" />
            <source>&lt;span style='color:#666'&gt;right by chance: the weights are not trained&lt;/span&gt;</source>
            <translation>&lt;span style='color:#666'&gt;碰巧答对：权重还没有训练&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="191" />
            <source>&lt;span style='color:#666'&gt;right, but close to chance ({0:.0%}): a guess&lt;/span&gt;</source>
            <translation>&lt;span style='color:#666'&gt;答对了，但接近随机水平（{0:.0%}）：算是猜的&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="194" />
            <source>&lt;span style='color:#006400'&gt;✓ right&lt;/span&gt;</source>
            <translation>&lt;span style='color:#006400'&gt;✓ 正确&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="209" />
            <source>Weights: the initial ones</source>
            <translation>权重：初始权重</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_run_box.py" line="211" />
            <source>Weights after update {0}</source>
            <translation>第 {0} 次更新之后的权重</translation>
        </message>
    </context>
    <context>
        <name>TrainingSession</name>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="145" />
            <source>Unknown task.</source>
            <extracomment>How often the window reads the worker's messages (ms). Snapshots: every this many updates at first, at most this many kept (thinned evenly). Seconds a stopping worker gets before it is terminated. States: no run yet; worker starting; training; paused; done (solved or budget); diverged; the worker died. (update, params) of the newest weights received; the update shown in the lesson.</extracomment>
            <translation>未知的任务。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="182" />
            <source>The lesson cannot show this task: {0}</source>
            <translation>当前示例无法显示这个任务：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="263" />
            <source>The budget of {0} updates is used up: raise it, or Reset.</source>
            <translation>已用完 {0} 次更新的上限：请提高上限，或重置。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="292" />
            <source>Starting the training process…</source>
            <translation>正在启动训练进程…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="337" />
            <source>The training process stopped unexpectedly (exit code {0}). The last weights received are kept; press Train to go on.</source>
            <translation>训练进程意外退出（退出码 {0}）。已保留最后收到的权重；按“训练”继续。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="375" />
            <source>Training…</source>
            <translation>训练中…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="391" />
            <source>Diverged at update {0} — lower the learning rate or turn on clipping. The last finite weights (update {1}) are kept.</source>
            <translation>在第 {0} 次更新时发散——请降低学习率或打开梯度裁剪。已保留最后的有限权重（第 {1} 次更新）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="398" />
            <source>Training failed: {0}</source>
            <translation>训练失败：{0}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="401" />
            <source>Solved after {0} updates.</source>
            <translation>经过 {0} 次更新，已达标。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="404" />
            <source>{0} updates done: the test set is solved.</source>
            <translation>已完成 {0} 次更新：测试集已达标。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_session.py" line="408" />
            <source>The budget of {0} updates ran out (not solved).</source>
            <translation>已达到 {0} 次更新的上限（未达标）。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/session/training_lesson.py" line="67" />
            <source>The model changed: the training run was reset.</source>
            <extracomment>The lesson settings that define the model: a change there by anyone else ends the run.</extracomment>
            <translation>模型已改变：本次训练已重置。</translation>
        </message>
    </context>
    <context>
        <name>TrainingSettingsForm</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="48" />
            <source>Learn to spell (English text)</source>
            <translation>学习拼写（英文文本）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="50" />
            <source>Learn to write (Chinese text)</source>
            <translation>学习写字（中文文本）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="111" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="114" />
            <source>Cell</source>
            <translation>循环体</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="116" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="118" />
            <source>Batch B</source>
            <translation>批量 B</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="77" />
            <source>Clip ‖g‖ at</source>
            <translation>梯度裁剪 ‖g‖ ≤</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="83" />
            <source>Truncate BPTT, k =</source>
            <translation>截断 BPTT，k =</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="115" />
            <source>Hidden size H</source>
            <translation>隐藏层大小 H</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="117" />
            <source>Learning rate η</source>
            <translation>学习率 η</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="119" />
            <source>Budget (updates)</source>
            <translation>更新次数上限</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="130" />
            <source>What the network learns; each task needs memory</source>
            <translation>网络要学习的任务；每个任务都需要记忆</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="131" />
            <source>The lesson's cell (the same as in the toolbar)</source>
            <translation>本示例的循环体（与工具栏中的相同）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="132" />
            <source>H, the number of hidden units (as in the toolbar)</source>
            <translation>H，隐藏单元的个数（与工具栏中的相同）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="133" />
            <source>The learning rate η</source>
            <translation>学习率 η</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="134" />
            <source>Sequences per update</source>
            <translation>每次更新使用的序列数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="135" />
            <source>The most updates of a run</source>
            <translation>一次训练最多进行的更新次数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="136" />
            <source>Gradient clipping: scale g down when ‖g‖ &gt; C</source>
            <translation>梯度裁剪：当 ‖g‖ &gt; C 时按比例缩小 g</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_settings_form.py" line="138" />
            <source>Truncated BPTT: no gradient crosses every k-th step</source>
            <translation>截断 BPTT：每隔 k 步截断一次，梯度不会越过截断处</translation>
        </message>
    </context>
    <context>
        <name>TrainingText</name>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="14" />
            <source>Sky colour (§8.1)</source>
            <extracomment>The chooser's names of the tasks (translated under "TrainingText").</extracomment>
            <translation>天空的颜色（§8.1）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="15" />
            <source>Adding two marked numbers</source>
            <translation>两个标记数相加</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="16" />
            <source>Temporal order (X / Y)</source>
            <translation>时间顺序（X / Y）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="17" />
            <source>Copy a sequence</source>
            <translation>复制序列</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="18" />
            <source>Learn the sine (next step)</source>
            <translation>学习正弦（预测下一步）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="19" />
            <source>Learn to spell (text)</source>
            <translation>学习拼写（文本）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="23" />
            <source>Memory: the answer depends only on the first word, L words back.</source>
            <extracomment>Why each task needs memory, in one sentence.</extracomment>
            <translation>记忆：答案只取决于 L 个词之前的第一个词。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="26" />
            <source>Memory: the two numbers must be kept until the very last step.</source>
            <translation>记忆：两个数必须一直保留到最后一个时刻。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="29" />
            <source>Memory: both symbols and their order must be kept to the end.</source>
            <translation>记忆：两个符号及其顺序必须保留到最后。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="32" />
            <source>Memory: ten symbols must be held through the whole gap.</source>
            <translation>记忆：十个符号必须在整个间隔中一直保留。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="35" />
            <source>Memory: one value does not tell rising from falling; the past does.</source>
            <translation>记忆：单个值分不清上升还是下降，过去的值才能。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="38" />
            <source>Memory: the next letter depends on the letters before it.</source>
            <translation>记忆：下一个字符取决于它前面的字符。</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="44" />
            <source>Gap L (words)</source>
            <extracomment>What the length means, per task.</extracomment>
            <translation>间隔 L（词数）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="45" />
            <location filename="../../visualrnn/ui/training/training_text.py" line="46" />
            <source>Length T</source>
            <translation>长度 T</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="47" />
            <source>Lag T</source>
            <translation>延迟 T</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="48" />
            <location filename="../../visualrnn/ui/training/training_text.py" line="49" />
            <source>Window T</source>
            <translation>窗口 T</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="53" />
            <source>marked number</source>
            <extracomment>The marked steps of the gradient image (training_tasks.steps_that_matter).</extracomment>
            <translation>标记的数</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="54" />
            <source>X / Y</source>
            <translation>X / Y</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="55" />
            <source>cause word</source>
            <translation>线索词</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="56" />
            <source>symbols</source>
            <translation>符号</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="59" />
            <source>not trained yet</source>
            <translation>尚未训练</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="60" />
            <source>starting…</source>
            <translation>启动中…</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="61" />
            <source>training</source>
            <translation>训练中</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="62" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="63" />
            <source>finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="64" />
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="65" />
            <source>stopped by an error</source>
            <translation>因错误而停止</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="80" />
            <source>{en}</source>
            <comment>task description</comment>
            <translation>{zh}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="87" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="88" />
            <source>mean squared error</source>
            <translation>均方误差</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/training/training_text.py" line="95" />
            <source>{word} ({gloss})</source>
            <comment>a token</comment>
            <translation>{zh}</translation>
        </message>
    </context>
    <context>
        <name>TransportBar</name>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="33" />
            <source>Transport</source>
            <extracomment>The timeline drawn flat: it repaints on every step, and the Fusion style's gradients cost ten times as much to paint (≈ 0.5 ms at full window width).</extracomment>
            <translation>播放控制</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="40" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="41" />
            <source>Back to the start, before step t = 0</source>
            <translation>回到开头，即第 t = 0 步之前</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="47" />
            <source>Step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="48" />
            <source>Undo the last step</source>
            <translation>撤销上一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="54" />
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="207" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="55" />
            <source>Play the steps one after another</source>
            <translation>一步接一步地连续播放</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="61" />
            <source>Step forward</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="62" />
            <source>Take the next step</source>
            <translation>执行下一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="68" />
            <source>Jump to end</source>
            <translation>跳到末尾</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="69" />
            <source>Show all steps at once</source>
            <translation>一次显示全部时刻</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="75" />
            <source> Speed </source>
            <translation> 速度 </translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="120" />
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="216" />
            <source>{0:g} steps/s</source>
            <translation>{0:g} 步/秒</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="121" />
            <source>Playback speed, in steps per second</source>
            <translation>播放速度（每秒步数）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="130" />
            <source>Timeline: drag to show the first t steps</source>
            <translation>时间轴：拖动以显示前 t 步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="185" />
            <source>{0} of {1} steps taken; the current cell is A{2} (time index t = {2})</source>
            <translation>已执行 {0} / {1} 步；当前循环体为 A{2}（时刻 t = {2}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="189" />
            <source>No step taken yet</source>
            <translation>尚未执行任何一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="199" />
            <source>step {0} / {1}</source>
            <translation>第 {0} / {1} 步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="200" />
            <source> (t = {0})</source>
            <translation>（t = {0}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="207" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="208" />
            <source>Stop at this step</source>
            <translation>停在这一步</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/transport_bar.py" line="208" />
            <source>Play the steps one by one</source>
            <translation>逐步播放</translation>
        </message>
    </context>
    <context>
        <name>UnitTimecourseView</name>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/unit_timecourse_view.py" line="58" />
            <source>step t</source>
            <extracomment>Every quantity any cell has (one curve each, coloured per cell); x is the input.</extracomment>
            <translation>时刻 t</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/unit_timecourse_view.py" line="58" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/unit_timecourse_view.py" line="193" />
            <source>(input)</source>
            <translation>（输⁠入）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/heatmaps/unit_timecourse_view.py" line="195" />
            <source>&lt;b&gt;Unit {u}:&lt;/b&gt;</source>
            <translation>&lt;b&gt;单元 {u}：&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>UnrolledNetworkView</name>
        <message>
            <location filename="../../visualrnn/ui/common/painting.py" line="51" />
            <source>ovf</source>
            <translation>溢出</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/common/painting.py" line="111" />
            <source>, … ({n} units)</source>
            <translation>, …（共 {n} 个单元）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/step_data.py" line="112" />
            <source>‖∂L/∂h{t}‖ = {v}</source>
            <extracomment>Text mode: (vocabulary, (classes, probabilities)) — x_t and y_t as characters. The steps whose output y_t carries a loss ℓ_t (all, or only the last).</extracomment>
            <translation>‖∂L/∂h{t}‖ = {v}</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/step_item.py" line="108" />
            <source>not reached yet</source>
            <translation>尚未到达</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/truncation_cuts.py" line="65" />
            <source>gradient cut (k = {k})</source>
            <translation>梯度截断（k = {k}）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="34" />
            <source>Show the compact form: one cell with a loop</source>
            <translation>显示折叠形式：一个带循环边的循环体</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="36" />
            <source>Backward: gradient ‖∂L/∂h‖</source>
            <translation>反向：梯度 ‖∂L/∂h‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="39" />
            <source>Animate the gradient flowing back in time; thickness and colour by ‖∂L/∂hₜ‖</source>
            <translation>以动画显示梯度沿时间反向流动；粗细和颜色表示 ‖∂L/∂hₜ‖</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="41" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="44" />
            <source>Show every step of a short sequence, else the default zoom (wheel zooms, drag pans)</source>
            <translation>短序列时显示全部时刻，否则恢复默认缩放（滚轮缩放，拖动平移）</translation>
        </message>
        <message>
            <source>Default zoom (wheel zooms, drag pans)</source>
            <translation type="vanished">默认缩放（滚轮缩放，拖动平移）</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="98" />
            <source>Hide rolled form</source>
            <translation>隐藏折叠形式</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/network/unrolled_network_view.py" line="98" />
            <source>Show rolled form (Fig. 8.1)</source>
            <translation>显示折叠形式（图 8.1）</translation>
        </message>
    </context>
    <context>
        <name>ViewMenu</name>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="50" />
            <source>Larger text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="55" />
            <source>Smaller text</source>
            <translation>缩小文字</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="60" />
            <source>Normal text size</source>
            <translation>正常文字大小</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="64" />
            <source>Full screen</source>
            <translation>全屏</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="71" />
            <source>Panels</source>
            <translation>面板</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="78" />
            <source>Presenter mode</source>
            <translation>演示模式</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="116" />
            <source>Language / 语言</source>
            <translation>语言 / Language</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="158" />
            <source>Text size {0:.0f} %</source>
            <translation>文字大小 {0:.0f}%</translation>
        </message>
        <message>
            <location filename="../../visualrnn/ui/shell/view_menu.py" line="160" />
            <source>crowded on this screen? F5 (presenter mode) shows one view at a time</source>
            <translation>屏幕太挤？按 F5（演示模式）一次只显示一个视图</translation>
        </message>
    </context>
    <context>
        <name>presets</name>
        <message>
            <location filename="../presets/01_textbook.json" />
            <source>Textbook example (Fig. 8.5)</source>
            <translation>教材示例（图 8.5）</translation>
        </message>
        <message>
            <location filename="../presets/01_textbook.json" />
            <source>The worked example of the textbook: a simple RNN with two hidden units reads x = 1, 2. Step through it and compare every number with Fig. 8.5.</source>
            <translation>教材中的前向传播例子：一个有两个隐藏单元的简单 RNN 依次读入 x = 1, 2。逐步执行，把每个数字与图 8.5 对照。</translation>
        </message>
        <message>
            <source>What to notice: every number of Fig. 8.5 is on screen — h₀ = [0.537, 0.462], y₀ = 1.56, h₁ = [0.860, 0.884], y₁ = 2.73; press “Backward” to check BPTT by hand.</source>
            <translation type="vanished">请注意：图 8.5 中的每个数都能在屏幕上找到：h₀ = [0.537, 0.462]，y₀ = 1.56，h₁ = [0.860, 0.884]，y₁ = 2.73；点击“反向”可手算核对 BPTT。</translation>
        </message>
        <message>
            <location filename="../presets/02_vanishing.json" />
            <source>Vanishing gradients (RNN)</source>
            <translation>梯度消失（RNN）</translation>
        </message>
        <message>
            <location filename="../presets/02_vanishing.json" />
            <source>A tanh RNN whose recurrent matrix has spectral radius 0.5. The loss sits at the last step only: watch ‖∂L/∂hₜ‖ shrink by orders of magnitude as the error signal travels back in time. σ_max·γ &lt; 1, so the Pascanu bound guarantees the vanishing.</source>
            <translation>一个 tanh RNN，循环权重矩阵的谱半径为 0.5。只有最后一个时刻有损失：观察误差信号沿时间反向传播时，‖∂L/∂hₜ‖ 缩小好几个数量级。σ_max·γ &lt; 1，因此 Pascanu 界保证梯度必然消失。</translation>
        </message>
        <message>
            <location filename="../presets/02_vanishing.json" />
            <source>What to notice: the loss sits at the last step only; going back 99 steps, ‖∂L/∂hₜ‖ falls about 30 orders of magnitude, so the first steps get almost no error signal.</source>
            <translation>请注意：损失只在最后一个时刻；反向传播 99 步后，‖∂L/∂hₜ‖ 衰减约 30 个数量级（梯度消失），最前面的时刻几乎得不到误差信号。</translation>
        </message>
        <message>
            <location filename="../presets/04_lstm_memory.json" />
            <source>An LSTM whose forget gate is biased open (b_f = +4, so f ≈ 1). The cell state c is a conveyor belt: ‖∂L/∂cₜ‖ stays within a small factor over 100 steps, where the plain RNN on the same input vanishes (try compare mode).</source>
            <translation>一个遗忘门通过偏置保持常开的 LSTM（b_f = +4，因此 f ≈ 1）。状态 c 就像一条传送带：100 个时刻内 ‖∂L/∂cₜ‖ 只在很小的倍数内变化，而相同输入下简单 RNN 的梯度会消失（试试比较模式）。</translation>
        </message>
        <message>
            <source>What to notice: along the cell state c the gradient is multiplied by f ≈ 0.98 per step, so ‖∂L/∂cₜ‖ stays within ×3 over 100 steps; tick “Compare” to see the RNN fall 20 orders of magnitude on the same input.</source>
            <translation type="vanished">请注意：沿状态 c，梯度每步乘以 f ≈ 0.98，因此在 100 个时刻内 ‖∂L/∂cₜ‖ 的变化不超过 3 倍；勾选“比较”，可以看到同样输入下 RNN 的梯度下降 20 个数量级。</translation>
        </message>
        <message>
            <location filename="../presets/06_truncated.json" />
            <source>What to notice: the gradient stops at every dashed cut (k = 20), so no error signal crosses a chunk boundary, while the state h still flows forward.</source>
            <translation>请注意：梯度在每条虚线截断处（k = 20）停止，误差信号不会越过段的边界，而状态 h 仍然向前传递。</translation>
        </message>
        <message>
            <location filename="../presets/10_sky_grey.json" />
            <source>The sky is grey (§8.1): RNN vs LSTM as the gap grows</source>
            <translation>天空是灰色的（§8.1）：间隔变长时的 RNN 与 LSTM</translation>
        </message>
        <message>
            <source>What to notice: with 60 words between the cause and the sky, the RNN stays at chance (50 %) and its gradient image goes dark long before the cause word. Switch Cell to LSTM and train again: solved in about 100 updates, and ‖∂L/∂c_t‖ reaches the cause word. Try Gap L = 5 for both.</source>
            <translation type="vanished">请注意：线索词与“天空”之间隔着 60 个词时，RNN 的准确率一直停在随机猜测水平（50%），它的梯度图像远在线索词之前就已变暗。把循环体换成 LSTM 再训练：大约 100 次更新即可达标，‖∂L/∂c_t‖ 能一直传到线索词。再把间隔 L 设为 5，两种循环体都试一试。</translation>
        </message>
        <message>
            <source>What to notice: press ▶ Train. With 60 words between the cause and the sky, the RNN stays at chance (50 %) and its gradient image goes dark long before the cause word; switch Cell to LSTM and train again: solved in about 100 updates.</source>
            <translation type="vanished">请注意：点击 ▶ 训练。线索词与“天空”之间隔了 60 个词，RNN 一直停留在随机猜测水平（50%），它的梯度图远在线索词之前就变暗了；把循环体换成 LSTM 再训练一次：大约 100 次更新就能达标。</translation>
        </message>
        <message>
            <location filename="../presets/11_adding50.json" />
            <source>Adding two numbers in a 50-step sequence</source>
            <translation>在 50 步的序列中把两个数相加</translation>
        </message>
        <message>
            <source>Adding two numbers 50 steps apart</source>
            <translation type="vanished">相隔 50 步的两个数相加</translation>
        </message>
        <message>
            <location filename="../presets/01_textbook.json" />
            <source>What to notice: step through both steps (→) and every number of Fig. 8.5 appears — h₀ = [0.537, 0.462], y₀ = 1.56, h₁ = [0.860, 0.884], y₁ = 2.73; then press “Backward” to check BPTT by hand.</source>
            <translation>请注意：按 → 走完两个时刻，图 8.5 中的每个数都会出现——h₀ = [0.537, 0.462]，y₀ = 1.56，h₁ = [0.860, 0.884]，y₁ = 2.73；再点击“反向”亲手核对 BPTT。</translation>
        </message>
        <message>
            <location filename="../presets/04_lstm_memory.json" />
            <source>What to notice: ‖∂L/∂cₜ‖ stays within ×3 over 100 steps. Along c alone it is multiplied by f ≈ 0.98 per step (the dashed curve); the other paths add the rest. Tick “Compare” to see the RNN fall 20 orders of magnitude.</source>
            <translation>请注意：100 个时刻内 ‖∂L/∂cₜ‖ 的变化不超过 3 倍。仅沿 c 传播时，梯度每步乘以 f ≈ 0.98（虚线）；其余部分来自其他通路。勾选“比较”，可以看到 RNN 的梯度衰减 20 个数量级（梯度消失）。</translation>
        </message>
        <message>
            <location filename="../presets/10_sky_grey.json" />
            <source>What to notice: with 60 words between the cause and the sky, the RNN stays at chance (50 %) and its gradient image goes dark long before the cause word. Switch Cell to LSTM and train again: solved within 100 updates, and ‖∂L/∂c_t‖ reaches the cause word. Try Gap L = 5 for both.</source>
            <translation>请注意：线索词与“天空”之间隔着 60 个词时，RNN 的准确率一直停在随机猜测水平（50%），它的梯度图像远在线索词之前就已变暗。把循环体换成 LSTM 再训练：100 次更新以内即可达标，‖∂L/∂c_t‖ 能一直传到线索词。再把间隔 L 设为 5，两种循环体都试一试。</translation>
        </message>
        <message>
            <location filename="../presets/10_sky_grey.json" />
            <source>What to notice: press ▶ Train. With 60 words between the cause and the sky, the RNN stays at chance (50 %) and its gradient image goes dark long before the cause word; switch Cell to LSTM and train again: solved within 100 updates.</source>
            <translation>请注意：点击 ▶ 训练。线索词与“天空”之间隔了 60 个词，RNN 一直停留在随机猜测水平（50%），它的梯度图远在线索词之前就变暗了；把循环体换成 LSTM 再训练一次：100 次更新以内就能达标。</translation>
        </message>
        <message>
            <location filename="../presets/11_adding50.json" />
            <source>What to notice: the LSTM's error drops from the chance line (0.167) to below the solved line (0.01) in about 850 updates, once the gradient reaches the marked steps; the RNN (switch Cell) stays at chance.</source>
            <translation>请注意：梯度一旦传到被标记的时刻，LSTM 的误差就会在约 850 次更新内从随机猜测线（0.167）降到达标线（0.01）以下；RNN（切换循环体）则一直停在随机猜测水平。</translation>
        </message>
        <message>
            <location filename="../presets/11_adding50.json" />
            <source>What to notice: press ▶ Train. The LSTM's error falls from the chance line (0.167) below the solved line (0.01) in about 850 updates, once the gradient reaches the two marked steps; the RNN (switch Cell) stays at chance.</source>
            <translation>请注意：点击 ▶ 训练。当梯度到达两个被标记的时刻后，LSTM 的误差在大约 850 次更新内从随机猜测线（0.167）降到达标线（0.01）以下；RNN（切换循环体）则一直停留在随机猜测水平。</translation>
        </message>
        <message>
            <location filename="../presets/12_learn_sine.json" />
            <source>Learn the sine</source>
            <translation>学习正弦</translation>
        </message>
        <message>
            <location filename="../presets/12_learn_sine.json" />
            <source>What to notice: predicting the next value of a sine, the LSTM's error falls under 1 % of the variance within about 100 updates; step through the lesson afterwards to see each prediction y_t follow the wave.</source>
            <translation>请注意：预测正弦的下一个值时，LSTM 的误差在约 100 次更新内降到方差的 1% 以下；之后逐步播放这个示例，可以看到每个预测 y_t 如何跟随波形。</translation>
        </message>
        <message>
            <location filename="../presets/13_clipping.json" />
            <source>Clipping rescues an exploding RNN</source>
            <translation>梯度裁剪拯救梯度爆炸的 RNN</translation>
        </message>
        <message>
            <location filename="../presets/13_clipping.json" />
            <source>What to notice: an RNN with ρ(W_h) = 1.5 and SGD without clipping diverges within about 100 updates (‖g‖ shoots up). Turn on “Clip ‖g‖ at 1” and train again: the same network learns the sine.</source>
            <translation>请注意：ρ(W_h) = 1.5 的 RNN 用不做梯度裁剪的 SGD 训练，约 100 次更新内就会发散（‖g‖ 急剧增大）。勾选“梯度裁剪 ‖g‖ ≤ 1”后再训练：同一个网络就能学会正弦。</translation>
        </message>
        <message>
            <location filename="../presets/14_learn_to_spell.json" />
            <source>Learn to spell (text)</source>
            <translation>学习拼写（文本）</translation>
        </message>
        <message>
            <location filename="../presets/14_learn_to_spell.json" />
            <source>What to notice: the text the LSTM writes turns from random letters into words within a few hundred updates (about half a minute); the accuracy of the next character climbs above 90 %.</source>
            <translation>请注意：几百次更新（约半分钟）内，LSTM 写出的文本就从随机字母变成单词；预测下一个字符的准确率升到 90% 以上。</translation>
        </message>
        <message>
            <source>A tanh RNN whose recurrent matrix has spectral radius 0.5. The loss sits at the last step only: watch ‖∂L/∂h_t‖ shrink by orders of magnitude as the error signal travels back in time. σ_max·γ &lt; 1, so the Pascanu bound guarantees the vanishing.</source>
            <translation type="vanished">一个 tanh RNN，循环权重矩阵的谱半径为 0.5。只有最后一步有损失：观察误差信号沿时间反向传播时，‖∂L/∂h_t‖ 缩小好几个数量级。σ_max·γ &lt; 1，因此 Pascanu 界保证梯度必然消失。</translation>
        </message>
        <message>
            <location filename="../presets/03_exploding.json" />
            <source>Exploding gradients (RNN)</source>
            <translation>梯度爆炸（RNN）</translation>
        </message>
        <message>
            <location filename="../presets/03_exploding.json" />
            <source>A linear RNN (identity activation) with spectral radius 1.15: every step back multiplies the gradient by 1.15, so it grows by a factor of a million over 100 steps. Clipping at C = 1 caps the update; compare the norm before and after.</source>
            <translation>一个线性 RNN（恒等激活），谱半径为 1.15：每反向传播一步，梯度就乘以 1.15，100 步后增大约一百万倍。以 C = 1 做梯度裁剪可限制更新的大小；比较裁剪前后的范数。</translation>
        </message>
        <message>
            <location filename="../presets/03_exploding.json" />
            <source>What to notice: this is a linear RNN (φ = identity, no tanh) with ρ = 1.15: ‖∂L/∂hₜ‖ grows ×1.15 per step back, a million-fold over 100 steps; clipping caps ‖g‖ at C = 1.</source>
            <translation>请注意：这是线性 RNN（φ 为恒等函数，没有 tanh），ρ = 1.15：每反向一步 ‖∂L/∂hₜ‖ 变为 1.15 倍，100 步后增大约百万倍；梯度裁剪把 ‖g‖ 限制在 C = 1 以内。</translation>
        </message>
        <message>
            <location filename="../presets/04_lstm_memory.json" />
            <source>LSTM keeps a long memory</source>
            <translation>LSTM 的长期记忆</translation>
        </message>
        <message>
            <source>An LSTM whose forget gate is biased open (b_f = +4, so f ≈ 1). The cell state c is a conveyor belt: ‖∂L/∂c_t‖ stays within a small factor over 100 steps, where the plain RNN on the same input vanishes (try compare mode).</source>
            <translation type="vanished">一个遗忘门偏置为常开的 LSTM（b_f = +4，因此 f ≈ 1）。状态 c 就像一条传送带：100 步内 ‖∂L/∂c_t‖ 只在很小的倍数内变化，而相同输入下简单 RNN 的梯度会消失（试试比较模式）。</translation>
        </message>
        <message>
            <location filename="../presets/05_sine.json" />
            <source>Sine wave</source>
            <translation>正弦波</translation>
        </message>
        <message>
            <location filename="../presets/05_sine.json" />
            <source>An LSTM reads a sine wave (period 20 steps; input weights × 5 so the gates respond clearly); the targets are the next value of the wave. Watch the gates open and close with the rhythm of the input in the heatmaps and in one unit's time course.</source>
            <translation>LSTM 读入一个正弦波（周期 20 步；输入权重 × 5，让各个门的反应更明显）；目标是波形的下一个值。在热力图和单个单元的时间曲线中，观察各个门随输入的节奏打开和关闭。</translation>
        </message>
        <message>
            <location filename="../presets/05_sine.json" />
            <source>What to notice: in the heatmaps and one unit's time course the gates open and close with the rhythm of the wave; the weights are random, nothing is learned here.</source>
            <translation>请注意：在热力图和单个单元的时间曲线中，各个门随正弦波的节奏打开和关闭；这里的权重是随机的，并没有经过训练。</translation>
        </message>
        <message>
            <location filename="../presets/06_truncated.json" />
            <source>Truncated BPTT (k = 20)</source>
            <translation>截断 BPTT（k = 20）</translation>
        </message>
        <message>
            <location filename="../presets/06_truncated.json" />
            <source>A tanh RNN with spectral radius 1.5, the loss at every step, trained with truncated backpropagation: the state is carried forward but the gradient is cut every k = 20 steps. The gradient curve drops at every chunk boundary (dashed lines): no error signal crosses it.</source>
            <translation>一个谱半径为 1.5 的 tanh RNN，每一步都有损失，用截断的沿时间反向传播训练：状态一直向前传递，但梯度每 k = 20 步截断一次。梯度曲线在每个分段边界（虚线）处骤降：误差信号无法越过它。</translation>
        </message>
    </context>
</TS>
