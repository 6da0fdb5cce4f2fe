<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>About ParkTracker</source>
        <translation>关于园区项目投资跟踪</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Bundled parts and their licences</source>
        <translation>随附组件及其许可证</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Investment tracking for Qingdao’s emerging-industry parks.</source>
        <translation>青岛市新兴产业专业园区项目投资跟踪。</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>The licence texts are in %1.</source>
        <translation>许可证全文位于 %1。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>Ageing</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n个月</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Amount</name>
    <message>
        <source>Amounts cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>Not a number: enter digits such as 1,234.5</source>
        <translation>不是有效数字：请输入数字，如1,234.5</translation>
    </message>
    <message>
        <source>Too many decimal places: the smallest unit is 1 yuan</source>
        <translation>小数位数过多：最小单位为1元</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>e.g. 1,234.5</source>
        <translation>如 1,234.5</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>ParkTracker</source>
        <translation>园区项目投资跟踪</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>%1 is open in ParkTracker by %2 on %3 (process %4) since %5. Close it there, then restore again. Nothing was changed.</source>
        <translation>%1正由%2在%3上的园区项目投资跟踪（进程%4）自%5起打开。请先在该处关闭，再重新恢复。未作任何修改。</translation>
    </message>
    <message>
        <source>Before import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before replacing</source>
        <translation>替换前</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1：%2→%3</translation>
    </message>
    <message>
        <source>%1 problems are awaiting coordination, listed below.</source>
        <translation>目前需协调解决的问题共%1个，详见下表。</translation>
    </message>
    <message>
        <source>%1 projects under construction, planned total investment %2 亿元; %3 signed and awaiting start, planned total investment %4 亿元; operating revenue %5 亿元 in %6, %7% of its annual target.</source>
        <translation>在建项目%1个、计划总投资%2亿元；已签约待开工项目%3个、计划总投资%4亿元；%6累计实现营业收入%5亿元，占年度目标的%7%。</translation>
    </message>
    <message>
        <source>%1 projects under construction, planned total investment %2 亿元; %3 signed and awaiting start, planned total investment %4 亿元; operating revenue %5 亿元 in %6.</source>
        <translation>在建项目%1个、计划总投资%2亿元；已签约待开工项目%3个、计划总投资%4亿元；%6累计实现营业收入%5亿元。</translation>
    </message>
    <message>
        <source>%1: operating revenue to date (亿元)</source>
        <translation>%1累计营业收入（亿元）</translation>
    </message>
    <message>
        <source>%1: planned investment under construction (亿元)</source>
        <translation>%1在建项目计划总投资（亿元）</translation>
    </message>
    <message>
        <source>%1: projects under construction</source>
        <translation>%1在建项目个数</translation>
    </message>
    <message>
        <source>%1: signed projects awaiting start</source>
        <translation>%1已签约待开工项目个数</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>（%1）%2</translation>
    </message>
    <message>
        <source>1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20</source>
        <translation>一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十</translation>
    </message>
    <message>
        <source>1. Overall progress</source>
        <translation>一、总体情况</translation>
    </message>
    <message>
        <source>2. The parks</source>
        <translation>二、各园区情况</translation>
    </message>
    <message>
        <source>3. Warnings</source>
        <translation>三、预警情况</translation>
    </message>
    <message>
        <source>4. Problems awaiting coordination</source>
        <translation>四、需协调解决的问题</translation>
    </message>
    <message>
        <source>5. Next steps</source>
        <translation>五、下一步工作</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>As of the end of %2 %1 there are %3 red and %4 yellow warnings, by park below.</source>
        <translation>截至%1年%2底，共有红灯预警%3项、黄灯预警%4项，各园区情况见下表。</translation>
    </message>
    <message>
        <source>As of the end of %2 %1 there are no red or yellow warnings.</source>
        <translation>截至%1年%2底，无红灯、黄灯预警。</translation>
    </message>
    <message>
        <source>As of the end of %2 %1, the %3 emerging-industry specialised parks had %4 projects under construction with a planned total investment of %5 亿元; %6 projects signed and awaiting start, with a planned total investment of %7 亿元.</source>
        <translation>截至%1年%2底，%3个新兴产业专业园区在建项目%4个、计划总投资%5亿元；已签约待开工项目%6个、计划总投资%7亿元。</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Briefing on the emerging-industry specialised parks, %2 %1</source>
        <translation>关于%1年%2新兴产业专业园区建设情况的通报</translation>
    </message>
    <message>
        <source>Briefing on the emerging-industry specialised parks, January–%2 %1</source>
        <translation>关于%1年1—%2新兴产业专业园区建设情况的通报</translation>
    </message>
    <message>
        <source>Cannot save a briefing as “%1”: choose a file ending in .docx or .pdf.</source>
        <translation>无法将通报保存为“%1”：请选择以 .docx 或 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Capital: %1 industry funds, with a total scale of %2 亿元, %3 亿元 paid in and %4 亿元 invested.</source>
        <translation>资本集聚方面，共有%1支产业基金，总规模%2亿元、实缴%3亿元、对外投资%4亿元。</translation>
    </message>
    <message>
        <source>City-wide</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Each park should speed up the start of signed projects, push the projects behind schedule forward and report its progress on time.</source>
        <translation>各园区要加快推动已签约项目开工建设，对进度滞后的项目加强调度、压茬推进，并按时报送进展情况。</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Figure 1: Operating revenue against the annual target</source>
        <translation>图1&#x3000;营业收入完成情况</translation>
    </message>
    <message>
        <source>Figure 2: Investment by park</source>
        <translation>图2&#x3000;各园区项目投资情况</translation>
    </message>
    <message>
        <source>In %1 the parks&apos; operating revenue totalled %2 亿元 (no annual target set).</source>
        <translation>%1累计实现营业收入%2亿元（未设定年度目标）。</translation>
    </message>
    <message>
        <source>In %1 the parks&apos; operating revenue totalled %2 亿元, %3% of the annual target, %4 percentage points ahead of the schedule pace.</source>
        <translation>%1累计实现营业收入%2亿元，占年度目标的%3%，快于序时进度%4个百分点。</translation>
    </message>
    <message>
        <source>In %1 the parks&apos; operating revenue totalled %2 亿元, %3% of the annual target, %4 percentage points behind the schedule pace.</source>
        <translation>%1累计实现营业收入%2亿元，占年度目标的%3%，慢于序时进度%4个百分点。</translation>
    </message>
    <message>
        <source>In %1 the parks&apos; operating revenue totalled %2 亿元, %3% of the annual target, in line with the schedule pace.</source>
        <translation>%1累计实现营业收入%2亿元，占年度目标的%3%，与序时进度持平。</translation>
    </message>
    <message>
        <source>Innovation: %1 innovation platforms at provincial level or above, %2 of them national.</source>
        <translation>创新集聚方面，拥有省级以上创新平台%1个，其中国家级%2个。</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Leading enterprises: %1 enterprises, among them %2 chain leaders and %3 specialised “little giants”.</source>
        <translation>龙头集聚方面，集聚企业%1家，其中链主企业%2家、专精特新“小巨人”企业%3家。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>No problem is awaiting coordination.</source>
        <translation>目前无需协调解决的问题。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <source>Red warnings</source>
        <translation>红灯预警</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Since the %1 briefing, these figures have changed: %2</source>
        <translation>%1通报后，以下数字已修改：%2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The first %1 warnings (red first) are listed below; the other %2 are on the Warnings page.</source>
        <translation>以下列出前%1项预警（红灯在前），其余%2项详见预警页面。</translation>
    </message>
    <message>
        <source>The warnings are listed below.</source>
        <translation>预警明细如下。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
    <message>
        <source>Yellow warnings</source>
        <translation>黄灯预警</translation>
    </message>
    <message>
        <source>annual revenue target (亿元)</source>
        <translation>年度营业收入目标（亿元）</translation>
    </message>
    <message>
        <source>enterprises</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>fund investment (亿元)</source>
        <translation>基金对外投资（亿元）</translation>
    </message>
    <message>
        <source>fund paid-in (亿元)</source>
        <translation>基金实缴（亿元）</translation>
    </message>
    <message>
        <source>fund scale (亿元)</source>
        <translation>基金总规模（亿元）</translation>
    </message>
    <message>
        <source>industry funds</source>
        <translation>产业基金数</translation>
    </message>
    <message>
        <source>months 1–%1</source>
        <translation>1—%1月</translation>
    </message>
    <message>
        <source>operating revenue to date (亿元)</source>
        <translation>累计营业收入（亿元）</translation>
    </message>
    <message>
        <source>planned investment of signed projects (亿元)</source>
        <translation>已签约待开工项目计划总投资（亿元）</translation>
    </message>
    <message>
        <source>planned investment under construction (亿元)</source>
        <translation>在建项目计划总投资（亿元）</translation>
    </message>
    <message>
        <source>platforms at provincial level or above</source>
        <translation>省级以上创新平台数</translation>
    </message>
    <message>
        <source>projects under construction</source>
        <translation>在建项目个数</translation>
    </message>
    <message>
        <source>signed projects awaiting start</source>
        <translation>已签约待开工项目个数</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>(chart not available)</source>
        <translation>（图表无法生成）</translation>
    </message>
    <message>
        <source>Briefing %1</source>
        <translation>通报%1</translation>
    </message>
    <message>
        <source>Briefing not saved</source>
        <translation>通报未保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Generate Briefing</source>
        <translation>生成通报</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Save Briefing</source>
        <translation>保存通报</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>另存为Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到%1</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>另存为PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>另存为SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF, or copy it</source>
        <translation>将此图表保存为PNG、SVG或PDF，或复制</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>分辨率(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>尺寸(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Width</source>
        <translation>宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Dashboard charts</source>
        <translation>总览图表</translation>
    </message>
    <message>
        <source>Export all charts to a folder</source>
        <translation>将全部图表导出到文件夹</translation>
    </message>
    <message>
        <source>Export all charts to one PDF</source>
        <translation>将全部图表导出为一个PDF</translation>
    </message>
    <message>
        <source>Export chart “%1”</source>
        <translation>导出图表“%1”</translation>
    </message>
    <message>
        <source>Export charts to</source>
        <translation>导出图表到</translation>
    </message>
    <message>
        <source>H&amp;eight</source>
        <translation>高度(&amp;E)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF文档</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (300 dpi)</source>
        <translation>PNG图片（300 dpi）</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG矢量图</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save &amp;to</source>
        <translation>保存到(&amp;T)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>图表另存为</translation>
    </message>
    <message>
        <source>Source &amp;footnote</source>
        <translation>来源脚注(&amp;F)</translation>
    </message>
    <message>
        <source>The chart&apos;s own title</source>
        <translation>图表默认标题</translation>
    </message>
    <message>
        <source>Word page, full width (16 × 10 cm)</source>
        <translation>Word整页宽（16 × 10厘米）</translation>
    </message>
    <message>
        <source>Word page, half width (8 × 7 cm)</source>
        <translation>Word半页宽（8 × 7厘米）</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>%1% of the year&apos;s target</source>
        <translation>完成年度目标的%1%</translation>
    </message>
    <message>
        <source>%1: completed investment by month</source>
        <translation>%1：月度完成投资</translation>
    </message>
    <message>
        <source>%1: industry fund scale, paid-in and invested</source>
        <translation>%1：产业基金规模、实缴与对外投资</translation>
    </message>
    <message>
        <source>%1: planned and completed investment by park</source>
        <translation>%1：各园区计划总投资与累计完成投资</translation>
    </message>
    <message>
        <source>%1: planned and completed investment by project under construction</source>
        <translation>%1：在建项目计划总投资与累计完成投资</translation>
    </message>
    <message>
        <source>%1: planned investment by park and stage</source>
        <translation>%1：各园区分阶段计划总投资</translation>
    </message>
    <message>
        <source>%1: planned investment by stage</source>
        <translation>%1：分阶段计划总投资</translation>
    </message>
    <message>
        <source>%1: projects by park and stage</source>
        <translation>%1：各园区分阶段项目数</translation>
    </message>
    <message>
        <source>%1: projects by stage</source>
        <translation>%1：分阶段项目数</translation>
    </message>
    <message>
        <source>%1: revenue in %2</source>
        <translation>%1：%2年营业收入</translation>
    </message>
    <message>
        <source>%1: revenue in %2 against the year&apos;s target</source>
        <translation>%1：%2年营业收入与年度目标</translation>
    </message>
    <message>
        <source>%1: scale, paid-in and invested of each fund</source>
        <translation>%1：各基金规模、实缴与对外投资</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至%1</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Cannot save a chart as “%1”: choose a file ending in .png, .svg or .pdf.</source>
        <translation>无法将图表保存为“%1”：请选择以 .png、.svg 或 .pdf 结尾的文件。</translation>
    </message>
    <message>
        <source>Cannot write the chart to %1: %2</source>
        <translation>无法将图表写入%1：%2</translation>
    </message>
    <message>
        <source>Completed investment</source>
        <translation>完成投资</translation>
    </message>
    <message>
        <source>Completed investment to date</source>
        <translation>累计完成投资</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Even pace</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>对外投资</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Jan
%1</source>
        <translation>1月
%1</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Note: no target is set for this scope; the dashed line carries the average monthly revenue so far on to December.</source>
        <translation>注：本范围未设年度目标；虚线按目前月均营业收入推算至12月。</translation>
    </message>
    <message>
        <source>Note: percentages are completed investment as a share of planned total investment.</source>
        <translation>注：百分比为累计完成投资占计划总投资的比例。</translation>
    </message>
    <message>
        <source>Note: the even pace is the target × months elapsed ÷ 12; the dashed line carries the average monthly revenue so far on to December.</source>
        <translation>注：序时进度线为年度目标×已过月数÷12；虚线按目前月均营业收入推算至12月。</translation>
    </message>
    <message>
        <source>Note: the line starts at the first month with recorded investment a year earlier.</source>
        <translation>注：上年同期曲线自上年有投资记录的首月起。</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Paid-in</source>
        <translation>实缴</translation>
    </message>
    <message>
        <source>Planned total investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Projection at current rate</source>
        <translation>按当前进度推算</translation>
    </message>
    <message>
        <source>Provisional: not yet fully reported by %1.</source>
        <translation>暂定：%1尚未报齐。</translation>
    </message>
    <message>
        <source>Revenue to date</source>
        <translation>累计营业收入</translation>
    </message>
    <message>
        <source>Same month a year earlier</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Source: Qingdao Development and Reform Commission</source>
        <translation>数据来源：青岛市发展和改革委员会</translation>
    </message>
    <message>
        <source>Source: Qingdao Development and Reform Commission; sample data for demonstration only</source>
        <translation>数据来源：青岛市发展和改革委员会；示例数据仅供演示</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>年度目标（%1）</translation>
    </message>
    <message>
        <source>Total scale</source>
        <translation>总规模</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
    <message>
        <source>Unknown size “%1”: use %2.</source>
        <translation>未知尺寸“%1”：请使用%2。</translation>
    </message>
    <message>
        <source>Year to date, end of %1: %2</source>
        <translation>截至%1末累计：%2</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>个项目</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>%1 “%2” (id %3): %4</source>
        <translation>%1“%2”（编号%3）：%4</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Fund “%1” (id %2) has no reported figures.</source>
        <translation>基金“%1”（编号%2）尚无填报数据。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) has been under construction since %3 but has no completed investment reported.</source>
        <translation>项目“%1”（编号%2）自%3起在建，但尚未填报任何完成投资。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) has no stage history.</source>
        <translation>项目“%1”（编号%2）没有阶段变更记录。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) is in production but has no completed investment reported.</source>
        <translation>项目“%1”（编号%2）已投产，但尚未填报任何完成投资。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) is marked “%3” but its stage history ends in “%4”.</source>
        <translation>项目“%1”（编号%2）当前阶段为“%3”，但阶段变更记录的最后一条为“%4”。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) is past signing but has no signing date.</source>
        <translation>项目“%1”（编号%2）已签约，但没有签约日期。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2) is “%3” but has no actual start date.</source>
        <translation>项目“%1”（编号%2）为“%3”，但没有实际开工日期。</translation>
    </message>
    <message>
        <source>Project “%1” (id %2): its stage history goes back from “%3” to “%4” on %5.</source>
        <translation>项目“%1”（编号%2）：其阶段记录于%5从“%3”倒退为“%4”。</translation>
    </message>
    <message>
        <source>Table %1, row %2 holds %3 yuan, above the ceiling of %4 yuan for one amount.</source>
        <translation>表%1第%2行的金额为%3元，超过单笔金额上限%4元。</translation>
    </message>
    <message>
        <source>Table %1, row %2 refers to a record of %3 that does not exist.</source>
        <translation>表“%1”第%2行引用的“%3”记录不存在。</translation>
    </message>
    <message>
        <source>Table %1, row %2: “%3” is not a valid month.</source>
        <translation>数据表%1中编号为%2的记录：“%3”不是有效月份。</translation>
    </message>
    <message>
        <source>monthly completed investment</source>
        <translation>月度完成投资</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>营业收入</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 consistency warning(s) to look at:</source>
        <translation>另有%1条一致性提示，请核对：</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 invalid</source>
        <translation>新增%1条，变更%2条，未变%3条，有误%4条</translation>
    </message>
    <message>
        <source>%1 restored from %2.</source>
        <translation>已从%2恢复%1。</translation>
    </message>
    <message>
        <source>%1, sheet “%2”: %3 (as of %4)</source>
        <translation>%1，工作表“%2”：%3（截至%4）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 problem(s) found:</source>
        <translation>%1：发现%2个问题：</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1: no errors; %2 consistency warning(s) to look at:</source>
        <translation>%1：未发现错误；有%2条一致性提示，请核对：</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1：未发现问题。</translation>
    </message>
    <message>
        <source>(all parks)</source>
        <translation>（全市）</translation>
    </message>
    <message>
        <source>(the park)</source>
        <translation>（园区本身）</translation>
    </message>
    <message>
        <source>A template is an .xlsx file: give --out a name ending in .xlsx.</source>
        <translation>填报模板是 .xlsx 文件：请为 --out 指定以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>As of %1: %2 red, %3 yellow.</source>
        <translation>截至%1：红灯%2个，黄灯%3个。</translation>
    </message>
    <message>
        <source>Backup of %1 written to %2 (%3 bytes).</source>
        <translation>%1的备份已写入%2（%3字节）。</translation>
    </message>
    <message>
        <source>Briefing written to %1.</source>
        <translation>通报已写入%1。</translation>
    </message>
    <message>
        <source>Chart written to %1.</source>
        <translation>图表已写入%1。</translation>
    </message>
    <message>
        <source>Demo database written to %1 (sample data).</source>
        <translation>演示数据库已写入%1（示例数据）。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到%1。</translation>
    </message>
    <message>
        <source>Give a chart name, --db and --out (or --list).</source>
        <translation>请指定图表名称、--db和--out（或使用--list）。</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 changed, %3 unchanged, %4 skipped. Backup: %5</source>
        <translation>已导入：新增%1条，变更%2条，未变%3条，跳过%4条。备份：%5</translation>
    </message>
    <message>
        <source>No chart named “%1”. Charts: %2</source>
        <translation>没有名为“%1”的图表。可用图表：%2</translation>
    </message>
    <message>
        <source>No park matches “%1”. Parks: %2</source>
        <translation>没有与“%1”匹配的园区。现有园区：%2</translation>
    </message>
    <message>
        <source>No red or yellow warnings as of %1.</source>
        <translation>截至%1，没有红灯或黄灯预警。</translation>
    </message>
    <message>
        <source>Nothing to change: the database already holds these figures.</source>
        <translation>无需修改：数据库中已是这些数据。</translation>
    </message>
    <message>
        <source>Nothing was written: %1 row(s) are invalid (use --skip-invalid to import the rest).</source>
        <translation>未写入任何数据：有%1行有误（使用 --skip-invalid 可导入其余各行）。</translation>
    </message>
    <message>
        <source>ParkTracker: investment tracking for Qingdao&apos;s emerging-industry parks.</source>
        <translation>园区项目投资跟踪：青岛市新兴产业专业园区项目投资跟踪工具。</translation>
    </message>
    <message>
        <source>Template written to %1.</source>
        <translation>填报模板已写入%1。</translation>
    </message>
    <message>
        <source>The previous state was kept in %1.</source>
        <translation>原有状态已保存在%1。</translation>
    </message>
    <message>
        <source>[%1] %2 — %3: %4</source>
        <translation>【%1】%2 — %3：%4</translation>
    </message>
    <message>
        <source>a .xlsx file (with --park) or a folder (every park)</source>
        <translation>.xlsx 文件（指定 --park 时）或文件夹（全部园区）</translation>
    </message>
    <message>
        <source>a custom size in centimetres, e.g. 12x8</source>
        <translation>自定义尺寸（厘米），如12x8</translation>
    </message>
    <message>
        <source>check a database&apos;s integrity and consistency</source>
        <translation>检查数据库的完整性和一致性</translation>
    </message>
    <message>
        <source>database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>database file (default: parktracker.db in your data folder)</source>
        <translation>数据库文件（默认为数据文件夹中的parktracker.db）</translation>
    </message>
    <message>
        <source>date YYYY-MM-DD (default: end of the latest month with data)</source>
        <translation>日期，格式为YYYY-MM-DD（默认为有数据的最近一个月的月末）</translation>
    </message>
    <message>
        <source>date YYYY-MM-DD: the records as they stood then (default: as they are now)</source>
        <translation>日期，格式为YYYY-MM-DD：导出截至该日的记录（默认为当前记录）</translation>
    </message>
    <message>
        <source>export records to .xlsx or CSV (UTF-8 with BOM), the layout the importer reads</source>
        <translation>将记录导出为 .xlsx 或 CSV（带BOM的UTF-8），格式与导入相同</translation>
    </message>
    <message>
        <source>import a spreadsheet (xlsx, xls, ods, csv, tsv): preview, then apply</source>
        <translation>导入表格（xlsx、xls、ods、csv、tsv）：先预览，再写入</translation>
    </message>
    <message>
        <source>import the valid rows and skip the invalid ones</source>
        <translation>导入无误的行，跳过有误的行</translation>
    </message>
    <message>
        <source>language of messages: zh_CN (default) or en</source>
        <translation>提示信息的语言：zh_CN（默认，中文）或en（英文）</translation>
    </message>
    <message>
        <source>list the red and yellow warnings as of a date, with reasons</source>
        <translation>列出截至某日的红灯、黄灯预警及其原因</translation>
    </message>
    <message>
        <source>month YYYY-MM (default: the latest month every park reported)</source>
        <translation>月份，格式为YYYY-MM（默认为各园区均已报送的最近一个月）</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>one park (--out is then a .xlsx file); without it, one file per park into the folder --out</source>
        <translation>指定单个园区（--out 为 .xlsx 文件）；不指定时，每个园区一个文件，写入 --out 文件夹</translation>
    </message>
    <message>
        <source>one park, by name, short name or industry (default: all parks)</source>
        <translation>指定单个园区，可按名称、简称或产业查找（默认为全部园区）</translation>
    </message>
    <message>
        <source>only print the preview; write nothing</source>
        <translation>只显示预览，不写入任何数据</translation>
    </message>
    <message>
        <source>open a demo copy, save a screenshot of the dashboard and its charts to OUT.png, exit</source>
        <translation>打开演示数据副本，把总览页及其图表的截图保存到 OUT.png，然后退出</translation>
    </message>
    <message>
        <source>open a fresh copy of the demo dataset; your own database is not touched</source>
        <translation>打开一份全新的演示数据副本，不改动您自己的数据库</translation>
    </message>
    <message>
        <source>open the database read-only: look without any risk of changing it</source>
        <translation>以只读方式打开数据库：只查看，不会改动任何数据</translation>
    </message>
    <message>
        <source>overwrite an existing --out file</source>
        <translation>覆盖已存在的--out文件</translation>
    </message>
    <message>
        <source>overwrite an existing file</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>pipeline chart: count projects or sum planned 亿元</source>
        <translation>项目阶段图：按项目数或计划总投资（亿元）</translation>
    </message>
    <message>
        <source>print a JSON list of objects with level, park, project, rule and reason</source>
        <translation>以JSON列表输出，每项含level、park、project、rule和reason</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>以单个JSON对象输出</translation>
    </message>
    <message>
        <source>print the chart names and exit</source>
        <translation>列出图表名称后退出</translation>
    </message>
    <message>
        <source>print the headline indicators as of a date</source>
        <translation>输出截至某日的主要指标</translation>
    </message>
    <message>
        <source>print the preview (per row, with reasons) as JSON</source>
        <translation>以JSON输出预览（逐行，含原因）</translation>
    </message>
    <message>
        <source>replace the database by a backup; the current file is backed up first</source>
        <translation>用备份替换数据库；会先备份当前文件</translation>
    </message>
    <message>
        <source>save a dashboard chart as PNG, SVG or PDF</source>
        <translation>将总览图表保存为PNG、SVG或PDF</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>the chart (see --list)</source>
        <translation>图表名称（见--list）</translation>
    </message>
    <message>
        <source>the chart&apos;s title (default: what the chart shows)</source>
        <translation>图表标题（默认为图表内容）</translation>
    </message>
    <message>
        <source>the data-source footnote</source>
        <translation>数据来源脚注</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>the file to write, ending in .docx or .pdf</source>
        <translation>要写入的文件，以 .docx 或 .pdf 结尾</translation>
    </message>
    <message>
        <source>the file to write; its ending (.png, .svg, .pdf) sets the format</source>
        <translation>要写入的文件；扩展名（.png、.svg、.pdf）决定格式</translation>
    </message>
    <message>
        <source>the file to write; its ending (.xlsx, .csv) sets the format</source>
        <translation>要写入的文件；扩展名（.xlsx、.csv）决定格式</translation>
    </message>
    <message>
        <source>the month of the figures to fill in, YYYY-MM (default: the last complete month)</source>
        <translation>要填报数据的月份，格式为YYYY-MM（默认为上一个完整月份）</translation>
    </message>
    <message>
        <source>the month the figures are for, YYYY-MM (default: from the title, e.g. 2024年3月)</source>
        <translation>数据所属月份，YYYY-MM（默认取自标题，如2024年3月）</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first with a known header)</source>
        <translation>要读取的工作表（默认：第一个有可识别表头的工作表）</translation>
    </message>
    <message>
        <source>what the rows are (default: detected from the headers)</source>
        <translation>数据类别（默认根据表头识别）</translation>
    </message>
    <message>
        <source>what to export; all: every kind, a sheet each (.xlsx only)</source>
        <translation>要导出的内容；all：全部类别，每类一个工作表（仅限 .xlsx）</translation>
    </message>
    <message>
        <source>word-full: 16 cm wide (default); word-half: 8 cm wide; PNG at 300 dpi</source>
        <translation>word-full：宽16厘米（默认）；word-half：宽8厘米；PNG为300 dpi</translation>
    </message>
    <message>
        <source>write a month&apos;s briefing (通报) as .docx or PDF, and record it</source>
        <translation>生成某月的通报（.docx或PDF），并留存通报数字</translation>
    </message>
    <message>
        <source>write a verified backup (into the database&apos;s backups folder, or to --out)</source>
        <translation>写入经校验的备份（存入数据库的备份文件夹，或--out指定的文件）</translation>
    </message>
    <message>
        <source>write detailed records to the log file (logs/ in your data folder)</source>
        <translation>在日志文件中记录详细信息（数据文件夹中的logs/）</translation>
    </message>
    <message>
        <source>write fill-in templates (.xlsx) for the parks, pre-filled with their projects and funds</source>
        <translation>为园区生成填报模板（.xlsx），预先填好其项目和基金</translation>
    </message>
    <message>
        <source>write the backup to this file instead</source>
        <translation>将备份写入此文件</translation>
    </message>
    <message>
        <source>write the demo database</source>
        <translation>生成演示数据库</translation>
    </message>
    <message>
        <source>“%1” is not a date ParkTracker accepts: %2.</source>
        <translation>“%1”不是 ParkTracker 接受的日期：%2。</translation>
    </message>
    <message>
        <source>“%1” is not a month (YYYY-MM).</source>
        <translation>“%1”不是有效月份（格式应为YYYY-MM）。</translation>
    </message>
    <message>
        <source>“%1” is not a size in centimetres such as 12x8 (3 to 100 cm).</source>
        <translation>“%1”不是有效的厘米尺寸，如12x8（3至100厘米）。</translation>
    </message>
</context>
<context>
    <name>CliParser</name>
    <message>
        <source>%1: error: %2 (see %3 --help)</source>
        <translation>%1：错误：%2（用法见 %3 --help）</translation>
    </message>
    <message>
        <source>ambiguous option: %1 could match %2</source>
        <translation>选项有歧义：%1可匹配%2</translation>
    </message>
    <message>
        <source>argument %1: %2</source>
        <translation>参数%1：%2</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>ignored explicit argument %1</source>
        <translation>多余的参数值%1</translation>
    </message>
    <message>
        <source>invalid choice: %1 (choose from %2)</source>
        <translation>无效的选项%1（可选：%2）</translation>
    </message>
    <message>
        <source>invalid value: %1</source>
        <translation>无效的值：%1</translation>
    </message>
    <message>
        <source>not allowed with argument %1</source>
        <translation>不能与参数%1同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %1 is required</source>
        <translation>必须给出参数%1之一</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %1</source>
        <translation>缺少必需的参数：%1</translation>
    </message>
    <message>
        <source>unrecognized arguments: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Check what each column holds; correct it where the guess is wrong.</source>
        <translation>请核对每一列的内容，识别有误的请更正。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>对应内容</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚缺：%1</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>(not yet entered)</source>
        <translation>（尚未录入）</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Changes from %1 to %2</source>
        <translation>%1至%2变化情况</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Fund invested change (10k yuan)</source>
        <translation>基金对外投资变化（万元）</translation>
    </message>
    <message>
        <source>Fund paid-in change (10k yuan)</source>
        <translation>基金实缴变化（万元）</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Into production</source>
        <translation>转为投产</translation>
    </message>
    <message>
        <source>Invested on %1 (10k yuan)</source>
        <translation>%1对外投资（万元）</translation>
    </message>
    <message>
        <source>Investment completed in between (10k yuan)</source>
        <translation>期间完成投资（万元）</translation>
    </message>
    <message>
        <source>Investment only</source>
        <translation>仅完成投资</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>阶段变化</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>New projects</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Paid-in on %1 (10k yuan)</source>
        <translation>%1实缴（万元）</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Revenue in between (10k yuan)</source>
        <translation>期间营业收入（万元）</translation>
    </message>
    <message>
        <source>Stage moves</source>
        <translation>阶段变化</translation>
    </message>
    <message>
        <source>Stage on %1</source>
        <translation>%1阶段</translation>
    </message>
    <message>
        <source>Started construction</source>
        <translation>转为在建</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>The second date must be later than the first.</source>
        <translation>第二个日期须晚于第一个日期。</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>(not yet entered)</source>
        <translation>（尚未录入）</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到Excel…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到%1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 new and %4 terminated projects, %5 stage moves; investment completed in between %6, revenue %7.</source>
        <translation>%1至%2：新增项目%3个，终止项目%4个，阶段变化%5个；期间完成投资%6，营业收入%7。</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Fund invested
change
(万元)</source>
        <translation>基金对外
投资变化
（万元）</translation>
    </message>
    <message>
        <source>Fund paid-in
change
(万元)</source>
        <translation>基金实缴
变化
（万元）</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Into
production</source>
        <translation>转为
投产</translation>
    </message>
    <message>
        <source>Invested change (万元)</source>
        <translation>对外投资变化（万元）</translation>
    </message>
    <message>
        <source>Invested on %1 (万元)</source>
        <translation>%1对外投资（万元）</translation>
    </message>
    <message>
        <source>Investment
in between
(万元)</source>
        <translation>期间
完成投资
（万元）</translation>
    </message>
    <message>
        <source>Investment in between (万元)</source>
        <translation>期间完成投资（万元）</translation>
    </message>
    <message>
        <source>New
projects</source>
        <translation>新增
项目</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Paid-in change (万元)</source>
        <translation>实缴变化（万元）</translation>
    </message>
    <message>
        <source>Paid-in on %1 (万元)</source>
        <translation>%1实缴（万元）</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Revenue
in between
(万元)</source>
        <translation>期间
营业收入
（万元）</translation>
    </message>
    <message>
        <source>Stage
moves</source>
        <translation>阶段
变化</translation>
    </message>
    <message>
        <source>Stage on %1</source>
        <translation>%1阶段</translation>
    </message>
    <message>
        <source>Started
construction</source>
        <translation>转为
在建</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>comparison %1 to %2.xlsx</source>
        <translation>对比 %1至%2.xlsx</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>ConfirmAmount</name>
    <message>
        <source>No, correct it</source>
        <translation>否，返回修改</translation>
    </message>
    <message>
        <source>Yes, save it</source>
        <translation>是，确认保存</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Daily backup saved to %1</source>
        <translation>每日备份已保存至%1</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>ParkTracker databases (*.db);;All files (*)</source>
        <translation>数据库文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restored %1. The previous state was kept in %2.</source>
        <translation>已恢复%1。原有状态已保存在%2。</translation>
    </message>
    <message>
        <source>The backup was not restored: %1</source>
        <translation>未恢复备份：%1</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>%1 other projects</source>
        <translation>其余%1个项目</translation>
    </message>
    <message>
        <source>All %1 parks</source>
        <translation>全部%1个园区</translation>
    </message>
    <message>
        <source>City-wide funds</source>
        <translation>全市性基金</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 of the %2 target</source>
        <translation>完成%2年目标的%1</translation>
    </message>
    <message>
        <source>%1 target: %2</source>
        <translation>%1年目标：%2</translation>
    </message>
    <message>
        <source>%1 under construction</source>
        <translation>在建项目%1个</translation>
    </message>
    <message>
        <source>%1, as of %2</source>
        <translation>%1（截至%2）</translation>
    </message>
    <message>
        <source>%1: no target set; year to date %2</source>
        <translation>%1年：未设定目标，累计完成%2</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截至(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Latest</source>
        <translation>最新(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation>范围(&amp;S)</translation>
    </message>
    <message>
        <source>All %1 parks</source>
        <translation>全部%1个园区</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>资本集聚</translation>
    </message>
    <message>
        <source>Chain leaders: %1  Little giants: %2</source>
        <translation>其中链主企业%1家，专精特新“小巨人”企业%2家</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Enterprises: %1</source>
        <translation>企业：%1家</translation>
    </message>
    <message>
        <source>Export all charts…</source>
        <translation>导出全部图表…</translation>
    </message>
    <message>
        <source>Fund deployment by fund</source>
        <translation>各基金投放</translation>
    </message>
    <message>
        <source>Fund deployment by park</source>
        <translation>各园区基金投放</translation>
    </message>
    <message>
        <source>Funds: %1, total scale %2</source>
        <translation>基金：%1支，总规模%2</translation>
    </message>
    <message>
        <source>Growth on the same period of %1: %2 (%3 then)</source>
        <translation>较%1年同期增长：%2（同期%3）</translation>
    </message>
    <message>
        <source>In production: %1</source>
        <translation>已投产项目：%1个</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>创新集聚</translation>
    </message>
    <message>
        <source>Invested: %1 (%2 of paid-in)</source>
        <translation>对外投资：%1（占实缴的%2）</translation>
    </message>
    <message>
        <source>Investment progress by park</source>
        <translation>各园区投资进度</translation>
    </message>
    <message>
        <source>Investment progress by project</source>
        <translation>各项目投资进度</translation>
    </message>
    <message>
        <source>Leading enterprises</source>
        <translation>龙头集聚</translation>
    </message>
    <message>
        <source>Monthly completed investment</source>
        <translation>月度完成投资</translation>
    </message>
    <message>
        <source>Municipal: %1</source>
        <translation>市级：%1</translation>
    </message>
    <message>
        <source>National: %1  Provincial: %2</source>
        <translation>其中国家级%1个，省级%2个</translation>
    </message>
    <message>
        <source>No figures for %1 to compare with</source>
        <translation>%1无可比数据</translation>
    </message>
    <message>
        <source>No revenue figures for the same months of %1</source>
        <translation>%1年同期无营收数据</translation>
    </message>
    <message>
        <source>Paid-in: %1 (%2 of scale)</source>
        <translation>实缴：%1（占总规模的%2）</translation>
    </message>
    <message>
        <source>Project pipeline by park and stage</source>
        <translation>各园区项目阶段分布</translation>
    </message>
    <message>
        <source>Project pipeline by stage</source>
        <translation>项目阶段分布</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目集聚</translation>
    </message>
    <message>
        <source>Provincial level or above: %1</source>
        <translation>省级及以上创新平台：%1个</translation>
    </message>
    <message>
        <source>Revenue against the year&apos;s target</source>
        <translation>营业收入与年度目标</translation>
    </message>
    <message>
        <source>Revenue in the year</source>
        <translation>年度营业收入</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存%1</translation>
    </message>
    <message>
        <source>Saved %1 files in %2</source>
        <translation>已在%2保存%1个文件</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Share of the year elapsed: %1</source>
        <translation>序时进度：%1</translation>
    </message>
    <message>
        <source>Share of the year elapsed: %1, ahead by %2 percentage points</source>
        <translation>序时进度：%1，超前%2个百分点</translation>
    </message>
    <message>
        <source>Share of the year elapsed: %1, behind by %2 percentage points</source>
        <translation>序时进度：%1，落后%2个百分点</translation>
    </message>
    <message>
        <source>Share of the year elapsed: %1, exactly on pace</source>
        <translation>序时进度：%1，与进度持平</translation>
    </message>
    <message>
        <source>Show the number of projects, or their planned total investment in 亿元</source>
        <translation>显示项目个数，或计划总投资（亿元）</translation>
    </message>
    <message>
        <source>Show the pipeline as</source>
        <translation>阶段分布显示</translation>
    </message>
    <message>
        <source>Show the warnings with their reasons</source>
        <translation>查看预警及其原因</translation>
    </message>
    <message>
        <source>Signed, awaiting start: %1, planned %2</source>
        <translation>已签约待开工项目：%1个，计划总投资%2</translation>
    </message>
    <message>
        <source>Since %1:</source>
        <translation>较%1：</translation>
    </message>
    <message>
        <source>Still needed: %1 a month over the remaining %2 months</source>
        <translation>剩余%2个月需月均完成：%1</translation>
    </message>
    <message>
        <source>The database holds sample data: the figures are illustrative.</source>
        <translation>数据库含示例数据：以下数字仅供演示。</translation>
    </message>
    <message>
        <source>The end of the latest month that every park has reported</source>
        <translation>所有园区均已报送的最近一个月的月末</translation>
    </message>
    <message>
        <source>To a &amp;folder…</source>
        <translation>导出到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>To one &amp;PDF…</source>
        <translation>导出为一个PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Under construction: %1, planned %2</source>
        <translation>在建项目：%1个，计划总投资%2</translation>
    </message>
    <message>
        <source>Warnings: %1 red, %2 yellow</source>
        <translation>预警 红%1·黄%2</translation>
    </message>
    <message>
        <source>Year to date: %1 (%2 of target)</source>
        <translation>累计完成：%1（完成年度目标的%2）</translation>
    </message>
    <message>
        <source>enterprises %1, chain leaders %2, little giants %3</source>
        <translation>企业%1，链主企业%2，“小巨人”%3</translation>
    </message>
    <message>
        <source>funds %1, scale %2</source>
        <translation>基金%1，规模%2</translation>
    </message>
    <message>
        <source>paid-in %1, invested %2</source>
        <translation>实缴%1，对外投资%2</translation>
    </message>
    <message>
        <source>provincial level or above %1 (national %2)</source>
        <translation>省级及以上%1（国家级%2）</translation>
    </message>
    <message>
        <source>signed %1, in production %2</source>
        <translation>已签约待开工%1，已投产%2</translation>
    </message>
    <message>
        <source>under construction %1, planned %2</source>
        <translation>在建%1，计划总投资%2</translation>
    </message>
    <message>
        <source>“%1” copied to the clipboard.</source>
        <translation>已将“%1”复制到剪贴板。</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>亿元</translation>
    </message>
</context>
<context>
    <name>Date</name>
    <message>
        <source>%1 could mean January or October: write %2-01 or %2-10</source>
        <translation>%1可能是1月也可能是10月：请写作%2-01或%2-10</translation>
    </message>
    <message>
        <source>%1 is not a day of the calendar</source>
        <translation>%1不是有效日期</translation>
    </message>
    <message>
        <source>A full date is needed here, with the day: %1</source>
        <translation>此处需要完整日期（含日）：%1</translation>
    </message>
    <message>
        <source>Dates must lie between the years %1 and %2</source>
        <translation>日期须在%1年至%2年之间</translation>
    </message>
    <message>
        <source>Not a date: write it as 2024-03-15, 2024/3/15 or 2024年3月15日</source>
        <translation>无法识别的日期：请写作2024-03-15、2024/3/15或2024年3月15日</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+↓）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type or paste a date: 2024-03-15, 2024/3/15, 2024.3.15, 20240315 or 2024年3月15日</source>
        <translation>输入或粘贴日期：2024-03-15、2024/3/15、2024.3.15、20240315 或 2024年3月15日</translation>
    </message>
    <message>
        <source>e.g. 2024-03-15</source>
        <translation>如 2024-03-15</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>yyyy-MM</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <source>Add enterprise “%1”</source>
        <translation>新增企业“%1”</translation>
    </message>
    <message>
        <source>Edit enterprise “%1”</source>
        <translation>修改企业“%1”</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Joined the park</source>
        <translation>入园日期</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>EnterpriseTag</name>
    <message>
        <source>Above designated size</source>
        <translation>规上企业</translation>
    </message>
    <message>
        <source>Chain leader</source>
        <translation>链主企业</translation>
    </message>
    <message>
        <source>High-tech enterprise</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>Little giant</source>
        <translation>专精特新“小巨人”</translation>
    </message>
</context>
<context>
    <name>EnterprisesTab</name>
    <message>
        <source>%1 enterprises, of which %2 little giants</source>
        <translation>共 %1 家企业，其中专精特新“小巨人” %2 家</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Delete enterprise “%1”</source>
        <translation>删除企业“%1”</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Find by name, park, tag or notes…</source>
        <translation>按名称、园区、标签或备注查找…</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入园日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>the enterprise “%1”</source>
        <translation>企业“%1”</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>ParkTracker: unexpected error</source>
        <translation>园区项目投资跟踪：意外错误</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>显示详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Something unexpected went wrong, and ParkTracker could not finish what it was doing.

Your data is safe: every change is either saved in full or not saved at all. You can go on working; if something looks wrong, close ParkTracker and start it again.

If it happens again, please send the details to your support contact.</source>
        <translation>发生了意外错误，刚才的操作未能完成。

您的数据是安全的：每一项修改要么完整保存，要么完全不保存。您可以继续工作；如发现异常，请关闭本软件后重新打开。

如问题再次出现，请将详细信息发送给技术支持人员。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>A CSV file holds one table: export the whole database as .xlsx (one sheet per kind), or choose one table for CSV.</source>
        <translation>一个CSV文件只能保存一张表：请将整个数据库导出为 .xlsx（每类一个工作表），或为CSV选择一张表。</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: choose a file ending in .xlsx or .csv.</source>
        <translation>无法导出到“%1”：请选择以 .xlsx 或 .csv 结尾的文件。</translation>
    </message>
    <message>
        <source>Cannot replace %1: the file is open in another program (Excel or WPS?). Close it there and try again, or choose another name.</source>
        <translation>无法替换%1：该文件正被其他程序（Excel或WPS？）打开。请先在该程序中关闭文件后重试，或另选文件名。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入%1：%2</translation>
    </message>
    <message>
        <source>There is no park with the id %1.</source>
        <translation>不存在编号为%1的园区。</translation>
    </message>
    <message>
        <source>a folder of that name is in the way</source>
        <translation>已有同名文件夹</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Current Table…</source>
        <translation>当前表格(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Whole Database…</source>
        <translation>整个数据库(&amp;W)…</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export &amp;Template for Parks…</source>
        <translation>导出园区填报模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Export Current Table</source>
        <translation>导出当前表格</translation>
    </message>
    <message>
        <source>Export Whole Database</source>
        <translation>导出整个数据库</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Folder for the Templates</source>
        <translation>选择存放填报模板的文件夹</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Save Template</source>
        <translation>保存填报模板</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>A park&apos;s spreadsheet: xlsx, xls, ods, csv or tsv, as Excel or WPS saves it.</source>
        <translation>园区报送的表格：Excel或WPS保存的xlsx、xls、ods、csv或tsv文件。</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>取消读取</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>表格文件</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>Not ready to save:</source>
        <translation>尚不能保存：</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved.</source>
        <translation>只读：修改无法保存。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Discard them?</source>
        <translation>此表单有尚未保存的修改，是否放弃？</translation>
    </message>
</context>
<context>
    <name>FundFiguresForm</name>
    <message>
        <source>Figures as of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>对外投资</translation>
    </message>
    <message>
        <source>Last reported: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <source>Latest figures (%1): total scale %2, paid-in %3, invested %4.</source>
        <translation>最新数据（%1）：总规模 %2，实缴 %3，对外投资 %4。</translation>
    </message>
    <message>
        <source>No figures reported yet.</source>
        <translation>尚无报送数据。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Paid-in</source>
        <translation>实缴</translation>
    </message>
    <message>
        <source>Record figures of fund “%1”</source>
        <translation>录入基金数据“%1”</translation>
    </message>
    <message>
        <source>Total scale</source>
        <translation>总规模</translation>
    </message>
</context>
<context>
    <name>FundForm</name>
    <message>
        <source>Add fund “%1”</source>
        <translation>新增基金“%1”</translation>
    </message>
    <message>
        <source>City-wide (no park)</source>
        <translation>全市（不限园区）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Delete figures</source>
        <translation>删除基金数据</translation>
    </message>
    <message>
        <source>Delete figures of fund “%1” (%2)</source>
        <translation>删除基金数据“%1”（%2）</translation>
    </message>
    <message>
        <source>Delete selected figures…</source>
        <translation>删除所选数据…</translation>
    </message>
    <message>
        <source>Delete the figures reported on %1? This takes effect at once; you can undo it with Edit → Undo.</source>
        <translation>删除 %1 报送的数据？此操作立即生效，可通过“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Edit fund “%1”</source>
        <translation>修改基金“%1”</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>设立日期</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>First reported figures</source>
        <translation>首次报送数据</translation>
    </message>
    <message>
        <source>Fund name</source>
        <translation>基金名称</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>对外投资</translation>
    </message>
    <message>
        <source>Invested (亿元)</source>
        <translation>对外投资（亿元）</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>New fund</source>
        <translation>新增基金</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Paid-in</source>
        <translation>实缴</translation>
    </message>
    <message>
        <source>Paid-in (亿元)</source>
        <translation>实缴（亿元）</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Reported figures (oldest first)</source>
        <translation>历次报送数据（按日期）</translation>
    </message>
    <message>
        <source>Total scale</source>
        <translation>总规模</translation>
    </message>
    <message>
        <source>Total scale (亿元)</source>
        <translation>总规模（亿元）</translation>
    </message>
</context>
<context>
    <name>FundsPage</name>
    <message>
        <source>%1 funds</source>
        <translation>共 %1 只基金</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>City-wide</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>City-wide (no park)</source>
        <translation>全市（不限园区）</translation>
    </message>
    <message>
        <source>Delete fund “%1”</source>
        <translation>删除基金“%1”</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>设立日期</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>Find by fund name, park or manager…</source>
        <translation>按基金名称、园区或管理机构查找…</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金名称</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Invested (亿元)</source>
        <translation>对外投资（亿元）</translation>
    </message>
    <message>
        <source>Invested / paid-in</source>
        <translation>对外投资比例</translation>
    </message>
    <message>
        <source>Invested: %1</source>
        <translation>对外投资 %1</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>Paid-in (亿元)</source>
        <translation>实缴（亿元）</translation>
    </message>
    <message>
        <source>Paid-in / scale</source>
        <translation>实缴比例</translation>
    </message>
    <message>
        <source>Paid-in: %1</source>
        <translation>实缴 %1</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Park:</source>
        <translation>园区：</translation>
    </message>
    <message>
        <source>Record new figures…</source>
        <translation>录入最新数据…</translation>
    </message>
    <message>
        <source>Record the selected fund&apos;s newly reported scale, paid-in and invested amounts</source>
        <translation>录入所选基金最新报送的总规模、实缴和对外投资金额</translation>
    </message>
    <message>
        <source>Total scale (亿元)</source>
        <translation>总规模（亿元）</translation>
    </message>
    <message>
        <source>Total scale: %1</source>
        <translation>总规模 %1</translation>
    </message>
    <message>
        <source>the fund “%1” and its %2 reported figures</source>
        <translation>基金“%1”及其 %2 次报送数据</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Above designated size</source>
        <translation>规上企业</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Annual planned investment</source>
        <translation>年度计划投资</translation>
    </message>
    <message>
        <source>Chain leader</source>
        <translation>链主企业</translation>
    </message>
    <message>
        <source>Chain leaders</source>
        <translation>链主企业</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>实施企业</translation>
    </message>
    <message>
        <source>Completed investment</source>
        <translation>完成投资</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Established on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Fund figures</source>
        <translation>基金数据</translation>
    </message>
    <message>
        <source>High-tech enterprise</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>In production on</source>
        <translation>投产日期</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Innovation platform</source>
        <translation>创新平台</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>对外投资</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>入园日期</translation>
    </message>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>挂牌日期</translation>
    </message>
    <message>
        <source>Little giant</source>
        <translation>专精特新“小巨人”</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly investment</source>
        <translation>月度完成投资</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Paid-in</source>
        <translation>实缴</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Partner parks</source>
        <translation>协同园区</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工日期</translation>
    </message>
    <message>
        <source>Planned investment</source>
        <translation>计划投资</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开工日期</translation>
    </message>
    <message>
        <source>Planned total investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason for exceeding the plan</source>
        <translation>超计划原因</translation>
    </message>
    <message>
        <source>Recognised on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>营收目标</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Total scale</source>
        <translation>总规模</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>%1 changes shown, more as you scroll</source>
        <translation>已显示%1条修改，向下滚动显示更多</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>共%n条修改</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Kind of record</source>
        <translation>记录类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Only %1 “%2”</source>
        <translation>仅显示%1“%2”</translation>
    </message>
    <message>
        <source>Only the selected record (none selected)</source>
        <translation>仅显示所选记录（未选择记录）</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>%1 (month %2)</source>
        <translation>%1（%2月）</translation>
    </message>
    <message>
        <source>%1 is not in the list of parks</source>
        <translation>%1不在园区名录中</translation>
    </message>
    <message>
        <source>%1 row(s) cannot be imported: correct them, exclude them or skip invalid rows.</source>
        <translation>有%1行无法导入：请修改、排除这些行，或跳过有误的行。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Monthly investment</source>
        <translation>月度投资</translation>
    </message>
    <message>
        <source>No header row with known column names (such as 项目名称, 所属园区) was found on sheet “%1”.</source>
        <translation>工作表“%1”中未找到含可识别列名（如项目名称、所属园区）的表头行。</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>创新平台</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Row %1, “%2”: %3</source>
        <translation>第%1行“%2”：%3</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <source>Sheet “%1” has more than %2 rows. Split it and import the parts.</source>
        <translation>工作表“%1”超过%2行，请拆分后分别导入。</translation>
    </message>
    <message>
        <source>Sheet “%1” is the problem log (问题清单), exported for reading: it is not imported. Enter problems on the Problems page.</source>
        <translation>工作表“%1”是导出供查阅的问题清单，不能导入。问题请在“问题清单”页录入。</translation>
    </message>
    <message>
        <source>Sheet “%1”, row %2, “%3”: %4</source>
        <translation>工作表“%1”第%2行“%3”：%4</translation>
    </message>
    <message>
        <source>Sheet “%1”, row %2: %3</source>
        <translation>工作表“%1”第%2行：%3</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>The file holds no data.</source>
        <translation>该文件中没有数据。</translation>
    </message>
    <message>
        <source>The file is %1 MB; files up to %2 MB can be imported. Split it and import the parts.</source>
        <translation>该文件为%1 MB，最多可导入%2 MB的文件，请拆分后分别导入。</translation>
    </message>
    <message>
        <source>There is no sheet named “%1”. Sheets: %2</source>
        <translation>没有名为“%1”的工作表。现有工作表：%2</translation>
    </message>
    <message>
        <source>This file contains XML entity declarations and is refused as unsafe.</source>
        <translation>该文件含有XML实体声明，出于安全考虑不予读取。</translation>
    </message>
    <message>
        <source>This file is not a spreadsheet ParkTracker can read (xlsx, xls, ods, csv, tsv).</source>
        <translation>该文件不是可读取的表格文件（xlsx、xls、ods、csv、tsv）。</translation>
    </message>
    <message>
        <source>This workbook is damaged and cannot be read (%1).</source>
        <translation>该工作簿已损坏，无法读取（%1）。</translation>
    </message>
    <message>
        <source>This workbook is protected with a password: save it without one and try again.</source>
        <translation>该工作簿设有密码保护：请取消密码另存后再试。</translation>
    </message>
    <message>
        <source>This workbook would unpack to more than %1 MB: it is refused as unsafe.</source>
        <translation>该工作簿解压后将超过%1 MB，出于安全考虑不予读取。</translation>
    </message>
    <message>
        <source>a new project needs its stage</source>
        <translation>新项目须填写项目阶段</translation>
    </message>
    <message>
        <source>a new record needs its %1</source>
        <translation>新记录须填写%1</translation>
    </message>
    <message>
        <source>a project cannot move from “%1” to “%2”</source>
        <translation>项目不能从“%1”变为“%2”</translation>
    </message>
    <message>
        <source>amount not recognised: “%1”</source>
        <translation>无法识别的金额“%1”</translation>
    </message>
    <message>
        <source>amounts cannot be negative: “%1”</source>
        <translation>金额不能为负数“%1”</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>city-wide</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>figures need their report date (or the as-of month, --as-of)</source>
        <translation>填报数据须有报送日期（或指定截至月份 --as-of）</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>有误</translation>
    </message>
    <message>
        <source>level not recognised: “%1” (国家级, 省级 or 市级)</source>
        <translation>无法识别的级别“%1”（国家级、省级或市级）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>no month: add a 月份 column or give the as-of month (--as-of)</source>
        <translation>缺少月份：请增加“月份”列或指定截至月份（--as-of）</translation>
    </message>
    <message>
        <source>platform type not recognised: “%1”</source>
        <translation>无法识别的平台类型“%1”</translation>
    </message>
    <message>
        <source>required, but empty</source>
        <translation>必填项为空</translation>
    </message>
    <message>
        <source>stage not recognised: “%1” (在谈, 已签约待开工, 在建, 已投产 or 已终止)</source>
        <translation>无法识别的项目阶段“%1”（在谈、已签约待开工、在建、已投产或已终止）</translation>
    </message>
    <message>
        <source>tag not recognised: “%1”</source>
        <translation>无法识别的标签“%1”</translation>
    </message>
    <message>
        <source>the same record as row %1</source>
        <translation>与第%1行是同一条记录</translation>
    </message>
    <message>
        <source>the stage change on %1 would be earlier than the last one (%2)</source>
        <translation>%1的阶段变更早于上一次变更（%2）</translation>
    </message>
    <message>
        <source>the stage changes, but no date says when: give the as-of month (--as-of)</source>
        <translation>阶段有变化，但没有日期说明何时变化：请指定截至月份（--as-of）</translation>
    </message>
    <message>
        <source>there is no project “%1” in %2</source>
        <translation>%2中没有项目“%1”</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>write 是 or 否, not “%1”</source>
        <translation>请填写“是”或“否”，而不是“%1”</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>“%1” could be more than one park: %2</source>
        <translation>“%1”可能指多个园区：%2</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>Actual start</source>
        <translation>开工时间</translation>
    </message>
    <message>
        <source>Chain leader</source>
        <translation>链主项目</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>建设单位</translation>
    </message>
    <message>
        <source>Completed this month</source>
        <translation>本月完成投资</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>设立时间</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金名称</translation>
    </message>
    <message>
        <source>Invested</source>
        <translation>对外投资</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入园时间</translation>
    </message>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Paid-in</source>
        <translation>实缴规模</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工时间</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开工时间</translation>
    </message>
    <message>
        <source>Planned total</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>投产时间</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>认定时间</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>本月营业收入</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>基金规模</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>项目阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Year-to-date completed</source>
        <translation>累计完成投资</translation>
    </message>
    <message>
        <source>Year-to-date revenue</source>
        <translation>累计营业收入</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>InvestmentGrid</name>
    <message>
        <source>%1 of the planned total of %2</source>
        <translation>占计划总投资%2的%1</translation>
    </message>
    <message>
        <source>Completed (%1)</source>
        <translation>完成投资（%1）</translation>
    </message>
    <message>
        <source>Completed in %1: %2</source>
        <translation>%1年完成：%2</translation>
    </message>
    <message>
        <source>Completed investment exceeds the planned total: give the reason in the project form.</source>
        <translation>累计完成投资超过计划总投资：请在项目表单中说明原因。</translation>
    </message>
    <message>
        <source>Completed investment of “%1”</source>
        <translation>“%1”完成投资</translation>
    </message>
    <message>
        <source>Cumulative (%1)</source>
        <translation>累计（%1）</translation>
    </message>
    <message>
        <source>Cumulative: %1</source>
        <translation>累计：%1</translation>
    </message>
    <message>
        <source>Enter completed investment of “%1”</source>
        <translation>录入完成投资“%1”</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月份</translation>
    </message>
    <message>
        <source>Month %1: %2</source>
        <translation>%1月：%2</translation>
    </message>
    <message>
        <source>Of planned total</source>
        <translation>占计划总投资</translation>
    </message>
    <message>
        <source>Planned investment this year</source>
        <translation>本年度计划投资</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>Location</name>
    <message>
        <source>Keep the database in a local folder that is not synced (for example the default data folder), and share it through backups or File → Save a Copy.</source>
        <translation>请将数据库放在不同步的本地文件夹中（如默认数据文件夹），需要共享时可使用备份或“文件 → 另存副本”。</translation>
    </message>
    <message>
        <source>Network file systems may not honour the file locks SQLite relies on, so two computers can write at the same time and damage the file, and a connection dropped in the middle of a save can lose the change.</source>
        <translation>网络文件系统可能不支持SQLite所依赖的文件锁，两台电脑可能同时写入而损坏文件；保存过程中连接中断也可能丢失修改。</translation>
    </message>
    <message>
        <source>Sync clients copy the file while it is being written: they can upload a half-written copy, create conflicting copies, or replace your latest changes with an older version from another computer.</source>
        <translation>同步软件会在写入过程中复制文件：可能上传写了一半的副本、产生冲突副本，或用其他电脑上的旧版本覆盖您的最新修改。</translation>
    </message>
    <message>
        <source>This database is in a folder synced by %1.</source>
        <translation>此数据库位于由%1同步的文件夹中。</translation>
    </message>
    <message>
        <source>This database is on a network drive (%1).</source>
        <translation>此数据库位于网络驱动器上（%1）。</translation>
    </message>
</context>
<context>
    <name>LocationWarning</name>
    <message>
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>%1 on %2 (process %3) has had this database open since %4.</source>
        <translation>%1自%4起已在%2（进程%3）上打开此数据库。</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Only one ParkTracker can change a database at a time. You can open it read-only to look at it without changing anything, or cancel and close it there first.</source>
        <translation>同一时间只能有一个园区项目投资跟踪修改数据库。您可以只读打开以查看（不作任何修改），或取消并先在该处关闭。</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1：%n条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>New database created with the eight parks.</source>
        <translation>已新建数据库，并录入八个园区。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>ParkTracker — %1</source>
        <translation>园区项目投资跟踪 — %1</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved.</source>
        <translation>只读：修改无法保存。</translation>
    </message>
    <message>
        <source>Sample data: this is a copy of the demo dataset; your own database is not touched.</source>
        <translation>示例数据：当前打开的是演示数据副本，您自己的数据库不受影响。</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>已于%1保存</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;About ParkTracker</source>
        <translation>关于园区项目投资跟踪(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Decimals</source>
        <translation>小数位数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Generate Briefing…</source>
        <translation>生成通报(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>修改记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Warning Rules…</source>
        <translation>预警规则设置(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>Amounts in 万元: %1</source>
        <translation>万元金额：%1</translation>
    </message>
    <message>
        <source>Amounts in 亿元: %1</source>
        <translation>亿元金额：%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>备份已保存至%1</translation>
    </message>
    <message>
        <source>Copy saved to %1</source>
        <translation>副本已保存至%1</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>暂无最近打开的数据库</translation>
    </message>
    <message>
        <source>Not backed up</source>
        <translation>未备份</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>ParkTracker databases (*.db);;All files (*)</source>
        <translation>数据库文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Res&amp;tore from Backup…</source>
        <translation>从备份恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Show &amp;Data Folder</source>
        <translation>显示数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Show Data Folder</source>
        <translation>显示数据文件夹</translation>
    </message>
    <message>
        <source>The data folder is %1</source>
        <translation>数据文件夹位于 %1</translation>
    </message>
    <message>
        <source>The log folder is %1</source>
        <translation>日志文件夹位于%1</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>使用说明(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>Annual completed investment</source>
        <translation>年度完成投资</translation>
    </message>
    <message>
        <source>Operating revenue</source>
        <translation>营业收入</translation>
    </message>
</context>
<context>
    <name>MonthField</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Type or paste a month: 2024-03, 2024/3, 202403 or 2024年3月</source>
        <translation>输入或粘贴月份：2024-03、2024/3、202403 或 2024年3月</translation>
    </message>
    <message>
        <source>e.g. 2024-03</source>
        <translation>如 2024-03</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %1? You can undo this with Edit → Undo.</source>
        <translation>确定删除%1？可通过“编辑 → 撤销”恢复。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>ParkDetailView</name>
    <message>
        <source>%1, months 1–%2</source>
        <translation>%1年1–%2月</translation>
    </message>
    <message>
        <source>%1: %2 (%3 in the list)</source>
        <translation>%1%2个（列表中%3个）</translation>
    </message>
    <message>
        <source>Awaiting start</source>
        <translation>签约待开工（个）</translation>
    </message>
    <message>
        <source>Back to the park list (Alt+Left, Backspace)</source>
        <translation>返回园区列表（Alt+←、Backspace）</translation>
    </message>
    <message>
        <source>Chain leaders:</source>
        <translation>链主企业：</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Completed (亿元)</source>
        <translation>累计完成投资（亿元）</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业（家）</translation>
    </message>
    <message>
        <source>Enterprises %1 (as of %2: %3)</source>
        <translation>企业 %1（截至%2：%3）</translation>
    </message>
    <message>
        <source>Enterprises (%1)</source>
        <translation>企业（%1）</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>设立日期</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金（支）</translation>
    </message>
    <message>
        <source>Funds (%1)</source>
        <translation>基金（%1）</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>已投产（个）</translation>
    </message>
    <message>
        <source>In production since</source>
        <translation>投产日期</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>产业：</translation>
    </message>
    <message>
        <source>Invested (亿元)</source>
        <translation>对外投资（亿元）</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入园日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Listed on:</source>
        <translation>挂牌日期：</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly (亿元)</source>
        <translation>当月（亿元）</translation>
    </message>
    <message>
        <source>Monthly revenue in %1</source>
        <translation>%1年月度营业收入</translation>
    </message>
    <message>
        <source>Monthly revenue in %1 (target %2)</source>
        <translation>%1年月度营业收入（年度目标 %2）</translation>
    </message>
    <message>
        <source>No revenue figures recorded for this park yet.</source>
        <translation>本园区尚未录入营业收入。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Paid-in (亿元)</source>
        <translation>实缴（亿元）</translation>
    </message>
    <message>
        <source>Partner parks:</source>
        <translation>合作园区：</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工</translation>
    </message>
    <message>
        <source>Planned total (亿元)</source>
        <translation>计划总投资（亿元）</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Platforms %1 (as of %2: %3)</source>
        <translation>平台 %1（截至%2：%3）</translation>
    </message>
    <message>
        <source>Platforms (%1)</source>
        <translation>平台（%1）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Projects (%1)</source>
        <translation>项目（%1）</translation>
    </message>
    <message>
        <source>Provincial+ platforms</source>
        <translation>省级以上平台（个）</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Revenue (%1 months)</source>
        <translation>营收（%1个月）</translation>
    </message>
    <message>
        <source>Revenue YTD</source>
        <translation>营业收入累计</translation>
    </message>
    <message>
        <source>Scale (亿元)</source>
        <translation>规模（亿元）</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The list shows every project in its stage today. As of %1, the figures above count %2.</source>
        <translation>列表按各项目当前阶段显示全部项目；上方数字为截至%1的统计：%2。</translation>
    </message>
    <message>
        <source>Under construction</source>
        <translation>在建项目（个）</translation>
    </message>
    <message>
        <source>Year to date (亿元)</source>
        <translation>累计（亿元）</translation>
    </message>
    <message>
        <source>planned %1</source>
        <translation>计划总投资 %1</translation>
    </message>
    <message>
        <source>scale %1</source>
        <translation>规模 %1</translation>
    </message>
    <message>
        <source>← Back to the park list</source>
        <translation>← 返回园区列表</translation>
    </message>
</context>
<context>
    <name>ParkForm</name>
    <message>
        <source>&amp;Chain leaders</source>
        <translation>链主企业(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>产业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Partner parks</source>
        <translation>合作园区(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Short name</source>
        <translation>简称(&amp;S)</translation>
    </message>
    <message>
        <source>Add park</source>
        <translation>新增园区</translation>
    </message>
    <message>
        <source>Add park “%1”</source>
        <translation>新增园区“%1”</translation>
    </message>
    <message>
        <source>Another park is already named “%1”.</source>
        <translation>已有名为“%1”的园区。</translation>
    </message>
    <message>
        <source>District or zone, e.g. 崂山区</source>
        <translation>所在区（市）或功能区，如：崂山区</translation>
    </message>
    <message>
        <source>Edit park</source>
        <translation>修改园区</translation>
    </message>
    <message>
        <source>Edit park “%1”</source>
        <translation>修改园区“%1”</translation>
    </message>
    <message>
        <source>Enterprises separated by 、 or commas</source>
        <translation>多个企业以“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>挂牌日期</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Parks separated by 、 or commas</source>
        <translation>多个园区以“、”或逗号分隔</translation>
    </message>
    <message>
        <source>e.g. 新型显示</source>
        <translation>如：新型显示</translation>
    </message>
    <message>
        <source>e.g. 新型显示产业园</source>
        <translation>如：新型显示产业园</translation>
    </message>
    <message>
        <source>e.g. 青岛市新型显示产业园</source>
        <translation>如：青岛市新型显示产业园</translation>
    </message>
</context>
<context>
    <name>ParkInvestmentDialog</name>
    <message>
        <source>&amp;Park</source>
        <translation>园区(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Clear monthly investment of %1 (%2 cells)</source>
        <translation>清除%1月度完成投资（%2个单元格）</translation>
    </message>
    <message>
        <source>Completed investment, in %1</source>
        <translation>完成投资，单位：%1</translation>
    </message>
    <message>
        <source>Enter investment of “%1”, %2-%3</source>
        <translation>录入“%1”%2年%3月完成投资</translation>
    </message>
    <message>
        <source>Monthly investment by park</source>
        <translation>按园区填报月度投资</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not stored: “%1” for %2, %3 is not an amount. %4</source>
        <translation>未保存：%2%3的“%1”不是有效金额。%4</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未作任何修改：%1</translation>
    </message>
    <message>
        <source>Nothing was pasted: the copied block (%1 rows × %2 columns) does not fit from %3, %4; the grid ends at %5 and the last project.</source>
        <translation>未粘贴：复制的区域（%1行×%2列）从%3%4开始放不下；表格止于%5和最后一个项目。</translation>
    </message>
    <message>
        <source>Nothing was pasted: “%1” in row %2, column %3 of the copied block (for %4, %5) is not an amount. %6</source>
        <translation>未粘贴：复制区域第%2行第%3列（对应%4%5）的“%1”不是有效金额。%6</translation>
    </message>
    <message>
        <source>Paste monthly investment of %1 (%2 cells)</source>
        <translation>粘贴%1月度完成投资（%2个单元格）</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n cell(s).</source>
        <translation>
            <numerusform>已粘贴%n个单元格。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a project&apos;s month to paste into.</source>
        <translation>请先选择要粘贴到的项目月份。</translation>
    </message>
    <message>
        <source>The clipboard holds no figures to paste.</source>
        <translation>剪贴板中没有可粘贴的数据。</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was changed.</source>
        <translation>数据库为只读：未作任何修改。</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was pasted.</source>
        <translation>数据库为只读：未粘贴任何数据。</translation>
    </message>
    <message>
        <source>Type or paste figures from Excel; Enter moves down, Delete clears. Ctrl+Z undoes the last change.</source>
        <translation>可直接输入或从Excel粘贴；回车下移，Delete清除，Ctrl+Z撤销上一步。</translation>
    </message>
</context>
<context>
    <name>ParkRecordForm</name>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
</context>
<context>
    <name>ParkTargetsForm</name>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Park Revenue Targets</source>
        <translation>各园区营收目标</translation>
    </message>
    <message>
        <source>Parks together: %1; all-parks target for %2: %3</source>
        <translation>各园区合计：%1；%2年全部园区目标：%3</translation>
    </message>
    <message>
        <source>Parks together: %1; no all-parks target for %2</source>
        <translation>各园区合计：%1；%2年未设全部园区目标</translation>
    </message>
    <message>
        <source>Set park revenue targets (%1)</source>
        <translation>设置各园区营收目标（%1年）</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>未设目标</translation>
    </message>
</context>
<context>
    <name>ParksPage</name>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
</context>
<context>
    <name>ParksTable</name>
    <message>
        <source>%1 red / %2 yellow</source>
        <translation>红%1/黄%2</translation>
    </message>
    <message numerus="yes">
        <source>%n park(s)</source>
        <translation>
            <numerusform>园区 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open park</source>
        <translation>打开园区(&amp;O)</translation>
    </message>
    <message>
        <source>(plus %1 city-wide funds, scale %2)</source>
        <translation>（另有全市性基金 %1 支，规模 %2）</translation>
    </message>
    <message>
        <source>Delete park “%1”</source>
        <translation>删除园区“%1”</translation>
    </message>
    <message>
        <source>Enterprises
(count)</source>
        <translation>企业
（家）</translation>
    </message>
    <message>
        <source>Enterprises: %1</source>
        <translation>企业 %1 家</translation>
    </message>
    <message>
        <source>Figures as of %1 · revenue: %2, year to date</source>
        <translation>数据截至 %1 · 营业收入为 %2累计</translation>
    </message>
    <message>
        <source>Find a park by name, industry or location…</source>
        <translation>按名称、产业或位置查找园区…</translation>
    </message>
    <message>
        <source>Fund
scale
(亿元)</source>
        <translation>基金规模
（亿元）</translation>
    </message>
    <message>
        <source>Funds
(count)</source>
        <translation>基金
（支）</translation>
    </message>
    <message>
        <source>Funds: %1, scale %2</source>
        <translation>基金 %1 支，规模 %2</translation>
    </message>
    <message>
        <source>In
production
(count)</source>
        <translation>已投产
（个）</translation>
    </message>
    <message>
        <source>In production: %1</source>
        <translation>已投产 %1 个</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区名称</translation>
    </message>
    <message>
        <source>Park not deleted</source>
        <translation>园区未删除</translation>
    </message>
    <message>
        <source>Platforms
(provincial
or above)</source>
        <translation>省级以上
平台（个）</translation>
    </message>
    <message>
        <source>Platforms at provincial level or above: %1</source>
        <translation>省级以上平台 %1 个</translation>
    </message>
    <message>
        <source>Revenue
YTD
(亿元)</source>
        <translation>营业收入
年度累计
（亿元）</translation>
    </message>
    <message>
        <source>Revenue year to date: %1</source>
        <translation>营业收入累计 %1</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Show the selected park in detail (Enter)</source>
        <translation>查看所选园区详情（Enter）</translation>
    </message>
    <message>
        <source>Signed,
not started
(count)</source>
        <translation>签约待开工
（个）</translation>
    </message>
    <message>
        <source>Signed,
not started
(亿元)</source>
        <translation>签约待开工
计划总投资
（亿元）</translation>
    </message>
    <message numerus="yes">
        <source>Signed, awaiting start: %n project(s), planned %1</source>
        <translation>
            <numerusform>签约待开工 %n 个，计划总投资 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Under
construction
(count)</source>
        <translation>在建项目
（个）</translation>
    </message>
    <message>
        <source>Under
construction
(亿元)</source>
        <translation>在建项目
计划总投资
（亿元）</translation>
    </message>
    <message numerus="yes">
        <source>Under construction: %n project(s), planned %1</source>
        <translation>
            <numerusform>在建项目 %n 个，计划总投资 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings
(red/yellow)</source>
        <translation>预警
（红/黄）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the park “%1”</source>
        <translation>园区“%1”</translation>
    </message>
    <message>
        <source>“%1” cannot be deleted.</source>
        <translation>“%1”不能删除。</translation>
    </message>
</context>
<context>
    <name>PlatformForm</name>
    <message>
        <source>Add platform “%1”</source>
        <translation>新增平台“%1”</translation>
    </message>
    <message>
        <source>Edit platform “%1”</source>
        <translation>修改平台“%1”</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>New platform</source>
        <translation>新增平台</translation>
    </message>
    <message>
        <source>Platform name</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <source>Recognized</source>
        <translation>认定日期</translation>
    </message>
</context>
<context>
    <name>PlatformKind</name>
    <message>
        <source>Engineering centre</source>
        <translation>工程研究中心</translation>
    </message>
    <message>
        <source>Key laboratory</source>
        <translation>重点实验室</translation>
    </message>
    <message>
        <source>Manufacturing innovation centre</source>
        <translation>制造业创新中心</translation>
    </message>
    <message>
        <source>New R&amp;D institution</source>
        <translation>新型研发机构</translation>
    </message>
    <message>
        <source>Pilot-scale base</source>
        <translation>中试基地</translation>
    </message>
    <message>
        <source>Public service platform</source>
        <translation>公共服务平台</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>研究院</translation>
    </message>
    <message>
        <source>Technology-transfer platform</source>
        <translation>技术转移平台</translation>
    </message>
</context>
<context>
    <name>PlatformLevel</name>
    <message>
        <source>Municipal</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
</context>
<context>
    <name>PlatformsEnterprisesPage</name>
    <message>
        <source>%1 %2 (as of %3: %4)</source>
        <translation>%1 %2（截至%3：%4）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Platforms &amp; Enterprises</source>
        <translation>平台与企业</translation>
    </message>
    <message>
        <source>The list shows every record to date; %1 are dated on or before %2, as the dashboard counts them.</source>
        <translation>列表显示迄今全部记录；其中%1条日期在%2或之前，与总览的统计口径一致。</translation>
    </message>
</context>
<context>
    <name>PlatformsTab</name>
    <message>
        <source>%1 platforms, of which %2 at provincial level or above</source>
        <translation>共 %1 个平台，其中省级及以上 %2 个</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Delete platform “%1”</source>
        <translation>删除平台“%1”</translation>
    </message>
    <message>
        <source>Find by name, park, kind or notes…</source>
        <translation>按名称、园区、类型或备注查找…</translation>
    </message>
    <message>
        <source>Innovation platforms</source>
        <translation>创新平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <source>Provincial or above</source>
        <translation>省级及以上</translation>
    </message>
    <message>
        <source>Recognized</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>the platform “%1”</source>
        <translation>平台“%1”</translation>
    </message>
</context>
<context>
    <name>Plausibility</name>
    <message>
        <source>%1: %2 is %3 times the %4 (%5). Was it typed in the wrong unit? Confirm?</source>
        <translation>%1：%2是%4（%5）的%3倍，是否单位填错？是否确认？</translation>
    </message>
    <message>
        <source>Confirm the amount</source>
        <translation>确认金额</translation>
    </message>
    <message>
        <source>largest fund scale reported</source>
        <translation>已填报的最大基金规模</translation>
    </message>
    <message>
        <source>largest monthly investment reported in this park</source>
        <translation>本园区已填报的最大月度完成投资</translation>
    </message>
    <message>
        <source>largest planned total in this park</source>
        <translation>本园区最大的项目计划总投资</translation>
    </message>
    <message>
        <source>largest target stored</source>
        <translation>已设定的最大目标</translation>
    </message>
    <message>
        <source>park&apos;s usual monthly revenue</source>
        <translation>本园区通常的月度营业收入</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 invalid. %5 row(s) will be written.</source>
        <translation>新增%1条，变更%2条，未变%3条，有误%4条。将写入%5行。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Changes or reason</source>
        <translation>变更内容或原因</translation>
    </message>
    <message>
        <source>Comparing every row with the database…</source>
        <translation>正在将每一行与数据库比对…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Nothing is written yet. Untick the rows you do not want to import.</source>
        <translation>尚未写入任何数据。不想导入的行请取消勾选。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Save problems</source>
        <translation>保存问题行</translation>
    </message>
    <message>
        <source>Save problems as .xlsx…</source>
        <translation>将问题行另存为Excel文件…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Only the first %1 of %2 rows are printed; export the table for all.</source>
        <translation>仅打印前%1行（共%2行）；如需全部，请导出表格。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页，共%2页</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>Print Preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
</context>
<context>
    <name>ProblemColumns</name>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>(the park itself)</source>
        <translation>（园区层面）</translation>
    </message>
    <message>
        <source>Delete problem “%1”</source>
        <translation>删除问题“%1”</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ProblemForm</name>
    <message>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>问题描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Park</source>
        <translation>园区(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Responsible unit</source>
        <translation>责任单位(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>(the park itself)</source>
        <translation>（园区层面）</translation>
    </message>
    <message>
        <source>Add problem</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>D&amp;ue by</source>
        <translation>办结期限(&amp;U)</translation>
    </message>
    <message>
        <source>Edit problem</source>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Notes so far</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>Pro&amp;ject</source>
        <translation>项目(&amp;J)</translation>
    </message>
    <message>
        <source>Progress &amp;note</source>
        <translation>进展情况(&amp;N)</translation>
    </message>
    <message>
        <source>Progress today (optional), e.g. a meeting held</source>
        <translation>今日进展（可不填），如：已召开协调会</translation>
    </message>
    <message>
        <source>Raised &amp;on</source>
        <translation>提出日期(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>A description can have at most %1 characters; this one has %2.</source>
        <translation>描述最多%1个字符，当前为%2个。</translation>
    </message>
    <message>
        <source>Describe the problem.</source>
        <translation>请填写问题描述。</translation>
    </message>
    <message>
        <source>In coordination</source>
        <translation>协调中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待协调</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>The due date cannot be earlier than the date the problem was raised.</source>
        <translation>办结期限不能早于问题提出日期。</translation>
    </message>
    <message>
        <source>The project does not belong to that park.</source>
        <translation>该项目不属于所选园区。</translation>
    </message>
    <message>
        <source>The responsible unit can have at most %1 characters and no line breaks.</source>
        <translation>责任单位最多%1个字符，且不能换行。</translation>
    </message>
    <message>
        <source>Write the progress note.</source>
        <translation>请填写进展情况。</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>&amp;Add problem…</source>
        <translation>新增问题(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Find by problem, unit, project or note…</source>
        <translation>按问题、责任单位、项目或进展查找…</translation>
    </message>
    <message>
        <source>Not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ProblemsSection</name>
    <message>
        <source>Add problem…</source>
        <translation>新增问题…</translation>
    </message>
    <message>
        <source>Edit problem…</source>
        <translation>修改问题…</translation>
    </message>
    <message>
        <source>Problems needing coordination</source>
        <translation>需协调解决的问题</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1（自%2起）</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>实际开工</translation>
    </message>
    <message>
        <source>Add project “%1”</source>
        <translation>新增项目“%1”</translation>
    </message>
    <message>
        <source>Advance stage…</source>
        <translation>变更阶段…</translation>
    </message>
    <message>
        <source>Chain-leader project</source>
        <translation>链主项目</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>实施企业</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Edit project “%1”</source>
        <translation>修改项目“%1”</translation>
    </message>
    <message>
        <source>In current stage</source>
        <translation>在当前阶段</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>投产日期</translation>
    </message>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Over-plan reason</source>
        <translation>超计划原因</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <source>Planned total investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段变更记录</translation>
    </message>
    <message>
        <source>Why completed investment exceeds the planned total</source>
        <translation>说明累计完成投资超过计划总投资的原因</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <source>Company</source>
        <translation>实施企业</translation>
    </message>
    <message>
        <source>Completed (亿元)</source>
        <translation>累计完成投资（亿元）</translation>
    </message>
    <message>
        <source>Completed of plan (%)</source>
        <translation>完成比例（%）</translation>
    </message>
    <message>
        <source>In current stage</source>
        <translation>在当前阶段</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>投产日期</translation>
    </message>
    <message>
        <source>In this stage since %1</source>
        <translation>自%1起处于此阶段</translation>
    </message>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Planned total (亿元)</source>
        <translation>计划总投资（亿元）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>%1 projects</source>
        <translation>共%1个项目</translation>
    </message>
    <message>
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <source>A park&apos;s projects by month: type or paste a whole month at once</source>
        <translation>按园区逐月填报各项目完成投资，可一次粘贴整月数据</translation>
    </message>
    <message>
        <source>A terminated project cannot change stage.</source>
        <translation>已终止的项目不能再变更阶段。</translation>
    </message>
    <message>
        <source>Add project…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <source>Advance stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>Advance stage…</source>
        <translation>变更阶段…</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至%1</translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation>累计完成：%1</translation>
    </message>
    <message>
        <source>Delete project “%1”</source>
        <translation>删除项目“%1”</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Find by name, company or notes…</source>
        <translation>按名称、企业或备注查找…</translation>
    </message>
    <message>
        <source>Key projects only</source>
        <translation>仅重点项目</translation>
    </message>
    <message>
        <source>Monthly investment by park…</source>
        <translation>按园区填报月度投资…</translation>
    </message>
    <message>
        <source>Monthly investment…</source>
        <translation>月度完成投资…</translation>
    </message>
    <message>
        <source>Park:</source>
        <translation>园区：</translation>
    </message>
    <message>
        <source>Planned total: %1</source>
        <translation>计划总投资：%1</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Show Terminated Projects</source>
        <translation>显示已终止项目</translation>
    </message>
    <message>
        <source>Show terminated</source>
        <translation>显示已终止</translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation>签约年份：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>the project “%1” with its stage history and investment figures</source>
        <translation>项目“%1”及其阶段变更记录和投资数据</translation>
    </message>
</context>
<context>
    <name>RecoveryPrompt</name>
    <message>
        <source>No good backup of this file was found.</source>
        <translation>未找到此文件的完好备份。</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>ParkTracker</source>
        <translation>园区项目投资跟踪</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
    <message>
        <source>The newest good backup is from %1 (%2, %3 projects).</source>
        <translation>最新的完好备份为%1（%2，%3个项目）。</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <source>%1 reported by %2 of %3 parks</source>
        <translation>%1%2/%3个园区已报送</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2; showing figures to the end of %3</source>
        <translation>%1：%2，显示截至%3底</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>No invest.</source>
        <translation>缺投资</translation>
    </message>
    <message>
        <source>No revenue</source>
        <translation>缺营收</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>无需报送</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation>无需报送</translation>
    </message>
    <message>
        <source>Partly reported</source>
        <translation>部分报送</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Provisional: %1 not reported by %2</source>
        <translation>暂定：%1未报齐（缺%2）</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>营收</translation>
    </message>
</context>
<context>
    <name>ReportingGrid</name>
    <message>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>%1 backups, %2 in all, in %3</source>
        <translation>共%1个备份，合计%2，位于%3</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Cannot be restored</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Choose a backup to restore. The current state is backed up first, so nothing is lost.</source>
        <translation>请选择要恢复的备份。恢复前会先备份当前状态，不会丢失任何数据。</translation>
    </message>
    <message>
        <source>Current file</source>
        <translation>当前文件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金（支）</translation>
    </message>
    <message>
        <source>Kept: the 7 newest daily backups, the newest of each of 4 weeks and of 12 months; other backups for 90 days. The newest backup is always kept.</source>
        <translation>保留：最近7个每日备份，最近4周和12个月中每周、每月最新的一个；其他备份保留90天。最新的备份始终保留。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Replace the current database with the backup of %1 (%2)?

The current state is backed up first. ParkTracker then reopens the restored file.</source>
        <translation>用%1的备份（%2）替换当前数据库？

会先备份当前状态，然后重新打开恢复后的文件。</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Revenue months</source>
        <translation>营收月份数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>此数据库尚无备份。</translation>
    </message>
</context>
<context>
    <name>RevenueGrid</name>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>RevenueGridView</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>RevenuePage</name>
    <message>
        <source>%1 target (all parks): %2</source>
        <translation>%1年目标（全部园区）：%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1: no revenue target set</source>
        <translation>%1年：尚未设置营收目标</translation>
    </message>
    <message>
        <source>&amp;Monthly</source>
        <translation>当月(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Park targets…</source>
        <translation>各园区目标(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Calculated from the grid above; read-only.</source>
        <translation>由上方表格计算得出，只读。</translation>
    </message>
    <message>
        <source>Cells not stored, shown in red: %1. %2</source>
        <translation>有%1个单元格未保存（红色标出）。%2</translation>
    </message>
    <message>
        <source>Clear revenue (%1 cells)</source>
        <translation>清除营收（%1个单元格）</translation>
    </message>
    <message>
        <source>Cleared %1 cells.</source>
        <translation>已清除%1个单元格。</translation>
    </message>
    <message>
        <source>Each park&apos;s own revenue target for the year</source>
        <translation>各园区本年度各自的营收目标</translation>
    </message>
    <message>
        <source>Edit revenue (month %2 of %1, %3)</source>
        <translation>编辑营收（%1年%2月，%3）</translation>
    </message>
    <message>
        <source>Enter as:</source>
        <translation>录入口径：</translation>
    </message>
    <message>
        <source>Monthly revenue (%1)</source>
        <translation>当月营业收入（%1）</translation>
    </message>
    <message>
        <source>Months 1–%1: %2</source>
        <translation>1–%1月累计：%2</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not stored: %1, %2: “%3”: %4</source>
        <translation>未保存：%1，%2：“%3”：%4</translation>
    </message>
    <message>
        <source>Not stored: “%1” for %2, %3 is not an amount. %4</source>
        <translation>未保存：%2%3的“%1”不是有效金额。%4</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何修改。</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未作任何修改：%1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1, %2: %3</source>
        <translation>未作任何修改：%1，%2：%3</translation>
    </message>
    <message>
        <source>Nothing was pasted: the copied block (%1 rows × %2 columns) does not fit from %3, %4; the grid ends at %5 and the last park.</source>
        <translation>未粘贴：复制的区域（%1行×%2列）从%3%4开始放不下；表格止于%5和最后一个园区。</translation>
    </message>
    <message>
        <source>Nothing was pasted: “%1” in row %2, column %3 of the copied block (for %4, %5) is not an amount. %6</source>
        <translation>未粘贴：复制区域第%2行第%3列（对应%4%5）的“%1”不是有效金额。%6</translation>
    </message>
    <message>
        <source>Paste revenue (%1 cells)</source>
        <translation>粘贴营收（%1个单元格）</translation>
    </message>
    <message>
        <source>Pasted %1 cells.</source>
        <translation>已粘贴%1个单元格。</translation>
    </message>
    <message>
        <source>Read-only: figures cannot be changed.</source>
        <translation>只读：数据不可修改。</translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Revenue for every park; investment for each project under construction throughout the month.</source>
        <translation>营收：每个园区按月报送；投资：整月在建的每个项目按月报送。</translation>
    </message>
    <message>
        <source>Select a park&apos;s month to paste into.</source>
        <translation>请先选中要粘贴到的园区月份单元格。</translation>
    </message>
    <message>
        <source>Set &amp;target…</source>
        <translation>设置目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Share of target: %1</source>
        <translation>完成目标：%1</translation>
    </message>
    <message>
        <source>Share of the year elapsed: %1</source>
        <translation>序时进度：%1</translation>
    </message>
    <message>
        <source>The clipboard holds no figures to paste.</source>
        <translation>剪贴板中没有可粘贴的数据。</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was changed.</source>
        <translation>数据库为只读：未作任何修改。</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was cleared.</source>
        <translation>数据库为只读：未清除任何数据。</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was pasted.</source>
        <translation>数据库为只读：未粘贴任何数据。</translation>
    </message>
    <message>
        <source>This grid is calculated from the one above: change the figures there.</source>
        <translation>此表由上方表格计算得出，请在上方修改数据。</translation>
    </message>
    <message>
        <source>Type or paste figures; Enter moves down, Delete clears.</source>
        <translation>可直接输入或粘贴数据；回车下移，Delete清除。</translation>
    </message>
    <message>
        <source>Which parks have reported each month&apos;s revenue and investment</source>
        <translation>各园区每月营收和投资的报送情况</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Year to &amp;date (1–N)</source>
        <translation>1–N月累计(&amp;D)</translation>
    </message>
    <message>
        <source>Year to date: %1</source>
        <translation>累计：%1</translation>
    </message>
    <message>
        <source>Year-to-date revenue, months 1–N (%1)</source>
        <translation>1–N月累计营业收入（%1）</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>&amp;As of month</source>
        <translation>截至月份(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>数据类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>工作表(&amp;S)</translation>
    </message>
    <message>
        <source>Detect from the headers</source>
        <translation>根据表头识别</translation>
    </message>
    <message>
        <source>Found: %1, header on row %2.</source>
        <translation>识别结果：%1，表头在第%2行。</translation>
    </message>
    <message>
        <source>Sheet and kind of records</source>
        <translation>工作表与数据类别</translation>
    </message>
    <message>
        <source>The month the figures are for; it dates stage changes that give no date.</source>
        <translation>数据所属月份；未写日期的阶段变更按此月份记录。</translation>
    </message>
    <message>
        <source>“%1” is not a month: write it as 2024-03.</source>
        <translation>“%1”不是月份：请写作2024-03。</translation>
    </message>
</context>
<context>
    <name>Spreadsheet</name>
    <message>
        <source>%1 — %2 — as of %3</source>
        <translation>%1 — %2 — 截至%3</translation>
    </message>
    <message>
        <source>%1 — as of %2</source>
        <translation>%1 — 截至%2</translation>
    </message>
    <message>
        <source>%1 — figures for %2 — fill in the empty cells and send it back</source>
        <translation>%1 — %2数据填报 — 请填写空白单元格后报回</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>开工时间</translation>
    </message>
    <message>
        <source>Chain leader</source>
        <translation>链主项目</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>建设单位</translation>
    </message>
    <message>
        <source>Completed this month (10k yuan)</source>
        <translation>本月完成投资（万元）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>设立时间</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金名称</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Invested (100M yuan)</source>
        <translation>对外投资（亿元）</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入园时间</translation>
    </message>
    <message>
        <source>Key project</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly investment</source>
        <translation>月度投资</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Paid-in (100M yuan)</source>
        <translation>实缴规模（亿元）</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>所属园区</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工时间</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开工时间</translation>
    </message>
    <message>
        <source>Planned total (10k yuan)</source>
        <translation>计划总投资（万元）</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台名称</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>创新平台</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Problem log</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>投产时间</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>认定时间</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Revenue this month (100M yuan)</source>
        <translation>本月营业收入（亿元）</translation>
    </message>
    <message>
        <source>Sample data (示例数据)</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Scale (100M yuan)</source>
        <translation>基金规模（亿元）</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>项目阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yyyy-MM</source>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>In negotiation</source>
        <translation>在谈</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>已投产</translation>
    </message>
    <message>
        <source>Signed, awaiting start</source>
        <translation>已签约待开工</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Under construction</source>
        <translation>在建</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Advance stage of “%1”</source>
        <translation>变更“%1”的阶段</translation>
    </message>
    <message>
        <source>Change stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>Change stage of project “%1”</source>
        <translation>变更项目阶段“%1”</translation>
    </message>
    <message>
        <source>Choose the new stage</source>
        <translation>请选择新阶段</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Give the reason for terminating.</source>
        <translation>请填写终止原因。</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Terminate project</source>
        <translation>终止项目</translation>
    </message>
    <message>
        <source>Terminate the project “%1”? Reason: %2</source>
        <translation>确定终止项目“%1”？原因：%2</translation>
    </message>
    <message>
        <source>Why the project is terminated (required)</source>
        <translation>项目终止的原因（必填）</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>%1 already exists. Use --force to overwrite it.</source>
        <translation>%1已存在。如需覆盖，请使用--force参数。</translation>
    </message>
    <message>
        <source>%1 could not be used (%2). It was left untouched.</source>
        <translation>无法使用 %1（%2）。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 holds a change that was interrupted while it was being saved (%1-journal); it must be undone before the file can be read. Open the file normally, not read-only, and it is undone at once. The file was left untouched.</source>
        <translation>%1含有保存时被中断的修改（%1-journal），需先撤回才能读取。请以正常方式（非只读）打开该文件，即可立即撤回。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 holds a write that was interrupted (its -journal file is still there). Open it in ParkTracker once, which rolls the write back, then back it up. Nothing was changed.</source>
        <translation>%1有一次被中断的写入（其-journal文件仍在）。请先在园区项目投资跟踪中打开一次以撤回该写入，再进行备份。未作任何修改。</translation>
    </message>
    <message>
        <source>%1 holds amounts too large to add up (above the ceiling of 1 万亿元 for one figure), written by hand or by another program. Run “parktracker check” to list them. The file was left untouched.</source>
        <translation>%1中有金额过大、无法合计（单笔超过1万亿元的上限），系手工或其他程序写入。请运行“parktracker check”列出这些记录。文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 holds parts ParkTracker did not create (%2): someone changed the file outside ParkTracker, and they could alter or erase data as it is edited. It can be opened read-only.</source>
        <translation>%1 含有并非 ParkTracker 创建的部分（%2）：有人在 ParkTracker 之外修改了此文件，这些部分可能在编辑时篡改或删除数据。可以只读方式打开。</translation>
    </message>
    <message>
        <source>%1 is a SQLite database, but not a ParkTracker one. It was left untouched.</source>
        <translation>%1是SQLite数据库，但不是本软件的数据库。文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a ParkTracker database. It was left untouched.</source>
        <translation>%1是空文件，不是本软件的数据库。文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 is being written by another program. Close it there, then restore again. Nothing was changed.</source>
        <translation>%1正被其他程序写入。请先在该处关闭，再重新恢复。未作任何修改。</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). It was left untouched; restore it from a backup.</source>
        <translation>%1已损坏（%2）。文件未作任何改动，请从备份中恢复。</translation>
    </message>
    <message>
        <source>%1 is in WAL mode with changes still only in %1-wal, and its folder is read-only, so SQLite cannot read it there. Copy the file with its -wal file to a folder you can write, or ask for write access. It was left untouched.</source>
        <translation>%1 处于 WAL 模式，部分更改仍只在 %1-wal 中，而其所在文件夹是只读的，SQLite 无法在该处读取它。请将该文件连同其 -wal 文件复制到可写的文件夹，或申请写入权限。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database (wrong file type). It was left untouched.</source>
        <translation>%1不是SQLite数据库（文件类型不符）。文件未作任何改动。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a pipe or a system file), so it cannot be a ParkTracker database. It was left untouched.</source>
        <translation>%1 不是普通文件（而是设备、管道或系统文件），不可能是 ParkTracker 数据库。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 is open in ParkTracker by %2 on %3 (process %4) since %5. Close it there first. Nothing was changed.</source>
        <translation>%2 自 %5 起在 %3 上用 ParkTracker（进程 %4）打开了 %1。请先在那里关闭。未做任何更改。</translation>
    </message>
    <message>
        <source>%1 is open read-only; changes cannot be saved.</source>
        <translation>%1以只读方式打开，无法保存修改。</translation>
    </message>
    <message>
        <source>%1 needs an upgrade to this version&apos;s schema, which a read-only file cannot take.</source>
        <translation>%1需要升级到本版本的数据库结构，但以只读方式打开的文件无法升级。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of ParkTracker (schema %2; this version reads up to %3). Please update ParkTracker. The file was left untouched.</source>
        <translation>%1由更高版本的本软件写入（数据库结构版本%2，本版本最高支持版本%3），请升级本软件。文件未作任何改动。</translation>
    </message>
    <message>
        <source>No backup of %1 could be written (%2). The database was not changed.</source>
        <translation>无法写入%1的备份（%2）。数据库未被修改。</translation>
    </message>
    <message>
        <source>No database file at %1.</source>
        <translation>在%1未找到数据库文件。</translation>
    </message>
    <message>
        <source>The change could not be saved to %1 (%2). Nothing was changed.</source>
        <translation>修改未能保存到%1（%2），数据未作任何改动。</translation>
    </message>
    <message>
        <source>The database could not be used: %1</source>
        <translation>无法使用数据库：%1</translation>
    </message>
    <message>
        <source>The file name %1 is longer than the file system allows. Choose a shorter one.</source>
        <translation>文件名 %1 超出文件系统允许的长度。请换一个较短的名称。</translation>
    </message>
    <message>
        <source>You are not allowed to read %1 (permission denied). Ask whoever manages the file for access. It was left untouched.</source>
        <translation>您无权读取 %1（权限不足）。请向文件管理者申请访问权限。文件未被改动。</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n chain leader(s)</source>
        <translation>
            <numerusform>链主企业%n家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s)</source>
        <translation>
            <numerusform>企业%n家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n little giant(s)</source>
        <translation>
            <numerusform>专精特新“小巨人”企业%n家</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1, %2</source>
        <translation>截至%1，%2</translation>
    </message>
    <message>
        <source>As of %1, all %2 parks</source>
        <translation>截至%1，全部%2个园区</translation>
    </message>
    <message>
        <source>Capital: %1 funds, total scale %2 亿元, paid-in %3 亿元, invested %4 亿元</source>
        <translation>资本集聚：基金%1支，总规模%2亿元，实缴%3亿元，对外投资%4亿元</translation>
    </message>
    <message>
        <source>Innovation: %1 platforms at provincial level or above (%2 national)</source>
        <translation>创新集聚：省级及以上创新平台%1个（其中国家级%2个）</translation>
    </message>
    <message>
        <source>Leading enterprises: %1, %2, %3</source>
        <translation>龙头集聚：%1，其中%2，%3</translation>
    </message>
    <message>
        <source>Projects: %1 under construction, planned total %2 亿元; %3 signed awaiting start, planned total %4 亿元; %5 in production</source>
        <translation>项目集聚：在建项目%1个，计划总投资%2亿元；已签约待开工项目%3个，计划总投资%4亿元；已投产项目%5个</translation>
    </message>
    <message>
        <source>Revenue %1: no target set, year to date %2 亿元</source>
        <translation>%1年营业收入：未设定目标，累计完成%2亿元</translation>
    </message>
    <message>
        <source>Revenue %1: target %2 亿元, year to date %3 亿元 (%4% of target; %5% of the year elapsed)</source>
        <translation>%1年营业收入：目标%2亿元，累计完成%3亿元（完成年度目标的%4%，序时进度%5%）</translation>
    </message>
    <message>
        <source>示例数据 / sample data: this database holds illustrative records.</source>
        <translation>示例数据：本数据库中的记录仅供演示。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>%1 added, %2 changed, %3 unchanged, %4 skipped.</source>
        <translation>新增%1条，变更%2条，未变%3条，跳过%4条。</translation>
    </message>
    <message>
        <source>A backup of the database before the import: %1</source>
        <translation>导入前的数据库备份：%1</translation>
    </message>
    <message>
        <source>Edit → Undo undoes the whole import.</source>
        <translation>“编辑 → 撤销”可一次撤销整个导入。</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Find by name, company or notes…</source>
        <translation>按名称、企业或备注查找…</translation>
    </message>
</context>
<context>
    <name>TamperedDialog</name>
    <message>
        <source>Database changed outside ParkTracker</source>
        <translation>数据库已在 ParkTracker 之外被修改</translation>
    </message>
    <message>
        <source>It cannot be opened for editing. Open it read-only to look at it, or restore a backup made before the change.</source>
        <translation>无法以编辑方式打开。可只读打开查看，或恢复修改之前的备份。</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>&amp;Metric</source>
        <translation>指标(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation>范围(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>目标值(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>No target is stored for this year, scope and metric yet.</source>
        <translation>该年份、范围和指标尚未设置目标。</translation>
    </message>
    <message>
        <source>Set Target</source>
        <translation>设置目标</translation>
    </message>
    <message>
        <source>Set target (%1, %2)</source>
        <translation>设置目标（%1年%2）</translation>
    </message>
    <message>
        <source>Set target (%1, %2, %3)</source>
        <translation>设置目标（%1年%3%2）</translation>
    </message>
    <message>
        <source>Stored target: %1</source>
        <translation>已存目标：%1</translation>
    </message>
    <message>
        <source>e.g. strive to exceed 1300 亿元</source>
        <translation>如：争取突破1300亿元</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Month of the figures:</source>
        <translation>填报月份(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Park:</source>
        <translation>园区(&amp;P)：</translation>
    </message>
    <message>
        <source>Each template is an Excel workbook with the park&apos;s current projects and funds, and empty cells for the month&apos;s investment, revenue and fund figures. Park, project and fund names are protected (no password); the park fills in the rest and sends the file back for import.</source>
        <translation>每个填报模板是一个 Excel 工作簿，预先填好园区现有的项目和基金，并留出当月投资、营收和基金数据的空白单元格。园区、项目和基金名称受保护（无密码）；园区填写其余内容后报回，即可导入。</translation>
    </message>
    <message>
        <source>Every park (one file each, into a folder)</source>
        <translation>全部园区（每个园区一个文件，存入文件夹）</translation>
    </message>
    <message>
        <source>Export Template for Parks</source>
        <translation>导出园区填报模板</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source> months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source> points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <source>Change warning rules</source>
        <translation>修改预警规则</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Red after, not started past the planned month</source>
        <translation>超过计划开工月份未开工，红灯（满）</translation>
    </message>
    <message>
        <source>Red beyond (behind pace)</source>
        <translation>红灯（慢于序时进度超过）</translation>
    </message>
    <message>
        <source>The lights follow these limits. They are stored in the database file, so everyone who opens it sees the same lights.</source>
        <translation>预警按以下标准亮灯。标准保存在数据库文件中，打开该文件的每位人员看到的预警都相同。</translation>
    </message>
    <message>
        <source>Warning rules</source>
        <translation>预警规则设置</translation>
    </message>
    <message>
        <source>Yellow after signing, not started</source>
        <translation>签约后未开工，黄灯（满）</translation>
    </message>
    <message>
        <source>Yellow below fund paid-in</source>
        <translation>基金实缴率低于（黄灯）</translation>
    </message>
    <message>
        <source>Yellow from (behind pace)</source>
        <translation>黄灯（慢于序时进度达到）</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>A fund keeps at least one report of its figures; delete the fund instead.</source>
        <translation>基金至少保留一条填报数据；如需删除，请删除该基金。</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters; this one has %2.</source>
        <translation>名称最多%1个字符，当前为%2个字符。</translation>
    </message>
    <message>
        <source>A name cannot contain control characters such as tabs or line breaks.</source>
        <translation>名称不能包含制表符、换行符等控制字符。</translation>
    </message>
    <message>
        <source>A project at the stage “%1” needs this date: it dates that stage.</source>
        <translation>处于“%1”阶段的项目须填写此日期（即该阶段的日期）。</translation>
    </message>
    <message>
        <source>A project cannot move from “%1” to “%2”.</source>
        <translation>项目不能从“%1”阶段转为“%2”阶段。</translation>
    </message>
    <message>
        <source>A signed project needs its signing date.</source>
        <translation>已签约的项目须填写签约日期。</translation>
    </message>
    <message>
        <source>Completed investment (%1) exceeds the planned total (%2). Give a reason to keep it.</source>
        <translation>累计完成投资（%1）超过计划总投资（%2）。如需保留，请填写原因。</translation>
    </message>
    <message>
        <source>Invested (%1) cannot exceed the paid-in capital (%2).</source>
        <translation>对外投资（%1）不能超过实缴规模（%2）。</translation>
    </message>
    <message>
        <source>Paid-in (%1) cannot exceed the fund&apos;s total scale (%2).</source>
        <translation>实缴规模（%1）不能超过基金总规模（%2）。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount is too large: no single figure may exceed %1 亿元 (1 万亿元). Check the unit.</source>
        <translation>金额过大：单笔金额不得超过%1亿元（1万亿元）。请检查单位。</translation>
    </message>
    <message>
        <source>The date cannot be earlier than the project&apos;s last stage change (%1).</source>
        <translation>日期不能早于项目最近一次阶段变更的日期（%1）。</translation>
    </message>
    <message>
        <source>The month must be between 1 and 12.</source>
        <translation>月份须在1至12之间。</translation>
    </message>
    <message>
        <source>The name “%1” is already used in this park.</source>
        <translation>本园区内已有名称为“%1”的记录。</translation>
    </message>
    <message>
        <source>The park still has %1 project(s), %2 fund(s), %3 platform(s) and %4 enterprise(s). Move or delete them first.</source>
        <translation>该园区仍有项目%1个、基金%2支、平台%3个、企业%4家，请先移出或删除。</translation>
    </message>
    <message>
        <source>The planned completion date cannot be earlier than the planned start date.</source>
        <translation>计划竣工日期不能早于计划开工日期。</translation>
    </message>
    <message>
        <source>The production date cannot be earlier than the signing date.</source>
        <translation>投产日期不能早于签约日期。</translation>
    </message>
    <message>
        <source>The production date cannot be earlier than the start date.</source>
        <translation>投产日期不能早于开工日期。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>The start date cannot be earlier than the signing date.</source>
        <translation>开工日期不能早于签约日期。</translation>
    </message>
    <message>
        <source>The update date cannot be earlier than the date the fund was established.</source>
        <translation>更新日期不能早于基金设立日期。</translation>
    </message>
    <message>
        <source>The year must be between %1 and %2.</source>
        <translation>年份须在%1年至%2年之间。</translation>
    </message>
    <message>
        <source>The year-to-date figure for month %1 (%2) is below the total of the months before it (%3).</source>
        <translation>1—%1月累计数（%2）低于此前各月合计（%3）。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
</context>
<context>
    <name>Warnings</name>
    <message>
        <source>Annual investment %1% complete, %2 percentage points behind schedule pace</source>
        <translation>年度投资完成率%1%，低于序时进度%2个百分点</translation>
    </message>
    <message>
        <source>Check the limits: yellow must be below red (points behind pace, at most 100), months between 1 and 120, the paid-in share between 1 and 100%.</source>
        <translation>请检查预警标准：黄灯标准须低于红灯标准（慢于序时进度的百分点，最多100），月数在1至120之间，实缴率在1%至100%之间。</translation>
    </message>
    <message>
        <source>Fund paid-in low</source>
        <translation>基金实缴偏低</translation>
    </message>
    <message>
        <source>Fund “%1”: paid-in %2% of its scale, below %3%</source>
        <translation>基金“%1”实缴率%2%，低于%3%</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <source>Investment behind pace</source>
        <translation>投资慢于序时进度</translation>
    </message>
    <message>
        <source>Park revenue %1 percentage points behind schedule pace</source>
        <translation>园区营收慢于序时进度%1个百分点</translation>
    </message>
    <message>
        <source>Planned to start in %1; %2 month(s) overdue and not started</source>
        <translation>计划%1开工，已逾期%2个月未开工</translation>
    </message>
    <message>
        <source>Problem overdue</source>
        <translation>问题逾期未解决</translation>
    </message>
    <message>
        <source>Problem “%1” is past its due date %2 and not solved</source>
        <translation>问题“%1”已超过办结期限%2，尚未解决</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <source>Revenue behind pace</source>
        <translation>营收慢于序时进度</translation>
    </message>
    <message>
        <source>Signed %1 months ago and not yet started</source>
        <translation>签约已满%1个月仍未开工</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>签约未开工</translation>
    </message>
    <message>
        <source>Start overdue</source>
        <translation>逾期未开工</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄灯</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>(all parks)</source>
        <translation>（全市）</translation>
    </message>
    <message>
        <source>(the park)</source>
        <translation>（园区本身）</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>As of %1: %2 red, %3 yellow (of %4 lights in all)</source>
        <translation>截至%1：红灯%2个，黄灯%3个（共%4个）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Find by park, project or reason…</source>
        <translation>按园区、项目或原因查找…</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Red and yellow</source>
        <translation>红灯和黄灯</translation>
    </message>
    <message>
        <source>Red only</source>
        <translation>仅红灯</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>The thresholds of the lights, shared by the file</source>
        <translation>预警标准，保存在数据库文件中，所有人相同</translation>
    </message>
    <message>
        <source>Warning rules…</source>
        <translation>预警规则设置…</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Working out the warnings…</source>
        <translation>正在计算预警…</translation>
    </message>
    <message>
        <source>Yellow only</source>
        <translation>仅黄灯</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>&amp;Import a park&apos;s Excel file…</source>
        <translation>导入园区 Excel 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Start entering data (add a project)</source>
        <translation>开始录入数据（新增项目）(&amp;S)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Open the &amp;demo dataset</source>
        <translation>打开演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>This database holds the eight parks and the 2024 revenue target, and nothing else yet. How would you like to begin?</source>
        <translation>这个数据库目前只有八个园区和2024年营收目标，还没有其他数据。您想从哪里开始？</translation>
    </message>
    <message>
        <source>Welcome to ParkTracker</source>
        <translation>欢迎使用园区项目投资跟踪</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Read-only: %1 has this database open on %2 (process %3) since %4. Close it there to edit here.</source>
        <translation>只读：%1自%4起已在%2（进程%3）上打开此数据库。请先在该处关闭，方可在此编辑。</translation>
    </message>
    <message>
        <source>Read-only: the file or its folder cannot be written. Changes cannot be saved.</source>
        <translation>只读：该文件或其所在文件夹不可写入，修改无法保存。</translation>
    </message>
</context>
<context>
    <name>_ParkFilteredTab</name>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Park:</source>
        <translation>园区：</translation>
    </message>
</context>
</TS>
