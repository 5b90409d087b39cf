<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Zhigai</source>
        <translation>关于智改</translation>
    </message>
    <message>
        <source>Zhigai</source>
        <translation>智改</translation>
    </message>
    <message>
        <source>Intelligent-transformation readiness assessment for manufacturing SMEs: stage, roadmap, supports, financing and a bank-ready report. Works offline.</source>
        <translation>制造业中小企业智能化改造准备度评估：所处阶段、改造路线、支持政策、融资方案和可供银行核验的报告。无需联网。</translation>
    </message>
    <message>
        <source>Data files</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Where your data is kept</source>
        <translation>数据保存位置</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Data store: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置文件：%1</translation>
    </message>
    <message>
        <source>Licence: Apache-2.0. Policy figures come from the public sources named above; verify current terms with the issuing office.</source>
        <translation>许可：Apache-2.0。政策数据来自上面列出的公开来源；请向发文部门核实现行条款。</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>← All assessments</source>
        <translation>← 全部评估</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>Save this assessment with its photos as a .zhigai file to import on another computer (Ctrl+Shift+E)</source>
        <translation>把这份评估连同照片保存为 .zhigai 文件，以便在另一台电脑上导入（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF 报告…</translation>
    </message>
    <message>
        <source>Print the report for the bank or the file (Ctrl+E)</source>
        <translation>生成可交给银行或存档的报告（Ctrl+E）</translation>
    </message>
    <message>
        <source>Company profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Official level</source>
        <translation>官方等级</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>政策支持</translation>
    </message>
    <message>
        <source>Financing</source>
        <translation>融资</translation>
    </message>
    <message>
        <source>Bank file</source>
        <translation>银行资料</translation>
    </message>
    <message>
        <source>Sample assessment: a fictional firm to explore Zhigai. Change anything you like; delete it from the list of assessments when you are done.</source>
        <translation>示例评估：一家虚构企业，供熟悉智改使用。可以随意修改；用完后可在评估列表中删除。</translation>
    </message>
    <message>
        <source>Some stored values cannot be used and are left out of the results until they are corrected:</source>
        <translation>部分已保存的数值无法使用，在改正之前不计入结果：</translation>
    </message>
    <message>
        <source>
… and %1 more</source>
        <translation>
……另有 %1 处</translation>
    </message>
    <message>
        <source>All changes are saved automatically</source>
        <translation>所有修改都会自动保存</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Expert-verified · %1</source>
        <translation>专家核验 · %1</translation>
    </message>
    <message>
        <source>Assessor…</source>
        <translation>评估专家…</translation>
    </message>
    <message>
        <source>Change the assessor recorded for this verification</source>
        <translation>更改本次核验记录的评估专家</translation>
    </message>
    <message>
        <source>Verify on site…</source>
        <translation>现场核验…</translation>
    </message>
    <message>
        <source>As an expert, confirm or correct the owner&apos;s answers and record evidence; the owner&apos;s answers are kept</source>
        <translation>以专家身份确认或更正企业的回答并记录证据；企业原来的回答会保留</translation>
    </message>
    <message>
        <source>You are about to verify this assessment as an expert. The owner&apos;s answers stay as they are and are shown beside each question; what you change is recorded with your name. Results and the report show where the two differ.</source>
        <translation>您将以专家身份核验这份评估。企业原来的回答保持不变，并显示在每道题旁边；您所做的每处修改都会记录您的姓名。结果页和报告会列出两者的差异。</translation>
    </message>
    <message>
        <source>Verification started: the owner&apos;s answers are kept</source>
        <translation>已开始核验：企业原来的回答已保留</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Zhigai bundle (*.zhigai)</source>
        <translation>智改数据包 (*.zhigai)</translation>
    </message>
    <message>
        <source>Bundle saved: %1</source>
        <translation>数据包已保存：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Saved again meanwhile</source>
        <translation>期间又有人保存</translation>
    </message>
    <message>
        <source>Someone saved this assessment again while you were comparing, so your choices were not saved. The comparison opens again with what is stored now: please choose once more.</source>
        <translation>您比较期间，又有人保存了这份评估，因此您的选择没有保存。比较窗口将按现在保存的内容重新打开：请再选择一次。</translation>
    </message>
    <message>
        <source>Not saved yet: waiting for the database server</source>
        <translation>尚未保存：正在等待数据库服务器</translation>
    </message>
    <message>
        <source>Connection back: every change is saved</source>
        <translation>连接已恢复：所有修改均已保存</translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>修改尚未保存</translation>
    </message>
    <message>
        <source>%1 of your changes are not saved yet: the connection to the database server is lost. Stay on this page and they are saved as soon as it is back.</source>
        <translation>您有 %1 项修改尚未保存：与数据库服务器的连接已断开。请留在本页，连接恢复后会立即自动保存。</translation>
    </message>
    <message>
        <source>&amp;Stay and wait</source>
        <translation>留在本页等待(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Leave without them</source>
        <translation>放弃这些修改并离开(&amp;L)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未能保存：%1</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stage (index / gates)</source>
        <translation>阶段（指数法 / 阶段门槛）</translation>
    </message>
    <message>
        <source>Stage by weighted index / by the stage gates</source>
        <translation>按加权指数 / 按阶段门槛确定的阶段</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
    </message>
    <message>
        <source> (re-assessment of the assessment of %1)</source>
        <translation>（复评，基于 %1 的评估）</translation>
    </message>
    <message>
        <source> (follow-up)</source>
        <translation>（复评）</translation>
    </message>
    <message>
        <source> (re-assessed on %1)</source>
        <translation>（已于 %1 复评）</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>AssessorDialog</name>
    <message>
        <source>Assessor profile</source>
        <translation>评估专家信息</translation>
    </message>
    <message>
        <source>e.g. the engineering-service company</source>
        <translation>例如：所在的工程服务公司</translation>
    </message>
    <message>
        <source>e.g. the provincial expert service group</source>
        <translation>例如：省智能制造专家服务团</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>服务团</translation>
    </message>
    <message>
        <source>Enter the assessor&apos;s name.</source>
        <translation>请填写评估专家的姓名。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who (computer)</source>
        <translation>修改人（电脑）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>owner&apos;s answer</source>
        <translation>企业原回答</translation>
    </message>
    <message>
        <source>evidence note</source>
        <translation>证据备注</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>checked on site</source>
        <translation>现场核对</translation>
    </message>
    <message>
        <source>material seen</source>
        <translation>已看材料</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>企业（自评）</translation>
    </message>
    <message>
        <source>No change of this question has been recorded yet.</source>
        <translation>这道题还没有修改记录。</translation>
    </message>
</context>
<context>
    <name>BankFileView</name>
    <message>
        <source>Bank file</source>
        <translation>银行资料</translation>
    </message>
    <message>
        <source>What a bank asks for beside the assessment. Everything is saved as you type and used in the financing advice; amounts in 10k yuan.</source>
        <translation>除评估之外银行还会要的资料。填写后自动保存，并用于融资建议；金额单位为万元。</translation>
    </message>
    <message>
        <source>Tax status and collateral</source>
        <translation>纳税身份与抵押物</translation>
    </message>
    <message>
        <source>Not stated (the plan&apos;s tax rate, else 25%)</source>
        <translation>未说明（按测算假设中的税率，否则 25%）</translation>
    </message>
    <message>
        <source>e.g. the factory building, 3,600 m², valued at 900 (10k yuan)</source>
        <translation>例如：自有厂房 3600 平方米，评估价 900 万元</translation>
    </message>
    <message>
        <source>Tax status</source>
        <translation>纳税身份</translation>
    </message>
    <message>
        <source>Collateral offered</source>
        <translation>可提供的抵押物</translation>
    </message>
    <message>
        <source>Accounts of the last three years (10k yuan)</source>
        <translation>近三年财务数据（万元）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Net profit</source>
        <translation>净利润</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产总额</translation>
    </message>
    <message>
        <source>Liabilities</source>
        <translation>负债总额</translation>
    </message>
    <message>
        <source>Operating cash flow</source>
        <translation>经营活动现金流量净额</translation>
    </message>
    <message>
        <source>Existing loans</source>
        <translation>现有贷款</translation>
    </message>
    <message>
        <source>The firm has no existing loans</source>
        <translation>企业目前没有贷款</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>贷款机构</translation>
    </message>
    <message>
        <source>Balance (10k yuan)</source>
        <translation>贷款余额（万元）</translation>
    </message>
    <message>
        <source>Repaid per year (10k yuan)</source>
        <translation>年还本付息额（万元）</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>年利率（%）</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>到期年份</translation>
    </message>
    <message>
        <source>Add loan</source>
        <translation>添加贷款</translation>
    </message>
    <message>
        <source>Remove loan</source>
        <translation>删除贷款</translation>
    </message>
    <message>
        <source>Permits for the project</source>
        <translation>项目手续</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>手续</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Document number or office</source>
        <translation>文号或受理部门</translation>
    </message>
    <message>
        <source>Subsidies already received</source>
        <translation>已获得的补助</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>补助项目</translation>
    </message>
    <message>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <source>Add subsidy</source>
        <translation>添加补助</translation>
    </message>
    <message>
        <source>Remove subsidy</source>
        <translation>删除补助</translation>
    </message>
    <message>
        <source>The three years before the assessment (%1). Double-click a cell or start typing to fill it in. Net profit and operating cash flow may be negative; leave a cell empty when it is not known.</source>
        <translation>评估年份（%1 年）之前的三年。双击单元格或直接输入即可填写。净利润和经营活动现金流量净额可以为负数；不清楚的请留空。</translation>
    </message>
    <message>
        <source>Remove the loans listed to tick this</source>
        <translation>要勾选此项，请先删除列出的贷款</translation>
    </message>
    <message>
        <source>Untick “no existing loans” to list a loan</source>
        <translation>要填写贷款，请先取消勾选“企业目前没有贷款”</translation>
    </message>
    <message>
        <source>Bank file: the value at %1 is not accepted (%2)</source>
        <translation>银行资料：%1 处的值不被接受（%2）</translation>
    </message>
    <message>
        <source>Remove loan %1 (%2)? Its figures will be lost.</source>
        <translation>删除第 %1 笔贷款（%2）？其中填写的数据将丢失。</translation>
    </message>
    <message>
        <source>Remove the subsidy “%1”? Its figures will be lost.</source>
        <translation>删除补助“%1”？其中填写的数据将丢失。</translation>
    </message>
    <message>
        <source>Remove a row</source>
        <translation>删除一行</translation>
    </message>
</context>
<context>
    <name>BankRows</name>
    <message>
        <source>Bank file: the value at %1 is not accepted (%2)</source>
        <translation>银行资料：%1 处的值不被接受（%2）</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a rate; enter a percentage from 0 to 36</source>
        <translation>%1：“%2”不是有效的利率，请输入 0 到 36 之间的百分数</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a year; enter a year such as 2025</source>
        <translation>%1：“%2”不是有效的年份，请输入如 2025 这样的年份</translation>
    </message>
    <message>
        <source>%1: this cannot be empty</source>
        <translation>%1：不能为空</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>company profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>evidence note</source>
        <translation>证据备注</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>checked on site</source>
        <translation>现场核对</translation>
    </message>
    <message>
        <source>material seen</source>
        <translation>已看材料</translation>
    </message>
    <message>
        <source>project plan</source>
        <translation>项目方案</translation>
    </message>
    <message>
        <source>expert verification</source>
        <translation>专家核验</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>评估专家</translation>
    </message>
    <message>
        <source>(%1 earlier changes not listed)</source>
        <translation>（另有 %1 处更早的修改未列出）</translation>
    </message>
    <message>
        <source>Saved on another computer</source>
        <translation>已在另一台电脑上保存</translation>
    </message>
    <message>
        <source>Your last change was not saved: this assessment was saved by someone else after you opened it.</source>
        <translation>您刚才的修改没有保存：您打开这份评估之后，别人已经保存了修改。</translation>
    </message>
    <message>
        <source>Their changes:</source>
        <translation>对方的修改：</translation>
    </message>
    <message>
        <source>Reload it to see the stored version.</source>
        <translation>重新载入即可看到已保存的版本。</translation>
    </message>
    <message>
        <source>&amp;Reload (show their changes)</source>
        <translation>重新载入（显示对方的修改）(&amp;R)</translation>
    </message>
    <message>
        <source>Reload and save &amp;my change again</source>
        <translation>重新载入并再次保存我的修改(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Compare field by field…</source>
        <translation>逐项比较并合并(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Click, or press Enter, Space or F4, to choose the date</source>
        <translation>单击，或按 Enter、空格或 F4 键选择日期</translation>
    </message>
</context>
<context>
    <name>DimensionTableModel</name>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>水平</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Owner&apos;s level</source>
        <translation>自评水平</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>不评估</translation>
    </message>
    <message>
        <source> (enabler)</source>
        <translation>（支撑）</translation>
    </message>
</context>
<context>
    <name>EvidenceChecklist</name>
    <message>
        <source>Materials seen, per part</source>
        <translation>各部分已查看的材料</translation>
    </message>
    <message>
        <source>%1 %2/%3 (%4%)</source>
        <translation>%1 %2/%3（%4%）</translation>
    </message>
    <message>
        <source>photos for %1 indicators</source>
        <translation>%1 个指标有照片</translation>
    </message>
</context>
<context>
    <name>EvidenceFields</name>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>JPEG or PNG, up to 10 MB</source>
        <translation>JPEG 或 PNG，最大 10 MB</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Checked on site: the answer matches what I saw</source>
        <translation>已现场核对：回答与所见一致</translation>
    </message>
    <message>
        <source>Only checked answers count as verified in the results and the report; a corrected answer counts as checked.</source>
        <translation>结果和报告只把核对过的回答算作已核验；更正过的回答算作已核对。</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>Who changed this answer, when, from what to what</source>
        <translation>谁在何时把这道题的回答从什么改成了什么</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未回答）</translation>
    </message>
    <message>
        <source>Owner&apos;s answer: %1</source>
        <translation>企业原回答：%1</translation>
    </message>
    <message>
        <source>— corrected by the expert</source>
        <translation>— 已由专家更正</translation>
    </message>
    <message>
        <source>Checked on site: corrected</source>
        <translation>已现场核对：已更正</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>修改记录：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>Full report</source>
        <translation>完整报告</translation>
    </message>
    <message>
        <source>Summary for the board and officials (1-2 pages)</source>
        <translation>董事会与主管部门摘要（1-2 页）</translation>
    </message>
    <message>
        <source>Appendix with every answer</source>
        <translation>附录：列出全部回答</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Open the report when it is ready</source>
        <translation>生成后打开报告</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估专家</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Verification code of this assessment: %1. Any later change to the answers, profile or project gives a new code.</source>
        <translation>本评估的核验码：%1。之后对回答、企业信息或项目的任何修改都会产生新的核验码。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>报告保存为</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报告的保存位置。</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 是一个文件夹，请加上文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已经存在，要替换它吗？</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>The report was saved as %1. No PDF viewer could be started; open it from there.</source>
        <translation>报告已保存为 %1。未能启动 PDF 阅读器，请从该位置打开。</translation>
    </message>
    <message>
        <source>The report was not made.</source>
        <translation>报告未能生成。</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>FinancingView</name>
    <message>
        <source>Investment and financing</source>
        <translation>投资与融资</translation>
    </message>
    <message>
        <source>No project yet. Tick measures in the Plan or add project items to see the calculation.</source>
        <translation>还没有改造项目。请在“规划”中勾选措施或添加项目明细，即可看到测算。</translation>
    </message>
    <message>
        <source>Rate / return (% a year)</source>
        <translation>年利率/年回报（%）</translation>
    </message>
    <message>
        <source>Term (years)</source>
        <translation>期限（年）</translation>
    </message>
    <message>
        <source>Share financed (%)</source>
        <translation>融资比例（%）</translation>
    </message>
    <message>
        <source>Profit share paid (%)</source>
        <translation>利润分成比例（%）</translation>
    </message>
    <message>
        <source>The advice data could not be loaded: %1</source>
        <translation>改进建议所需的数据无法加载：%1</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Subsidies counted</source>
        <translation>计入的补贴</translation>
    </message>
    <message>
        <source>Net investment</source>
        <translation>净投资</translation>
    </message>
    <message>
        <source>Annual net benefit</source>
        <translation>年净收益</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Break-even annual benefit</source>
        <translation>盈亏平衡年收益</translation>
    </message>
    <message>
        <source>Safety margin</source>
        <translation>安全边际</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Benefits -20%</source>
        <translation>收益 -20%</translation>
    </message>
    <message>
        <source>Investment +20%</source>
        <translation>投资 +20%</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者同时</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Financed</source>
        <translation>融资额</translation>
    </message>
    <message>
        <source>Financing cost</source>
        <translation>融资成本</translation>
    </message>
    <message>
        <source>Lowest DSCR</source>
        <translation>最低偿债备付率</translation>
    </message>
    <message>
        <source>Recommended for this firm and project.</source>
        <translation>推荐本企业、本项目采用。</translation>
    </message>
    <message>
        <source>Still owed to the financier</source>
        <translation>尚欠资金方</translation>
    </message>
    <message>
        <source>Repayment schedule: %1</source>
        <translation>还款计划：%1</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <source>Interest / cost</source>
        <translation>利息/成本</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>DSCR</source>
        <translation>偿债备付率</translation>
    </message>
    <message>
        <source>Project benefit</source>
        <translation>项目收益</translation>
    </message>
    <message>
        <source>If things go worse</source>
        <translation>如果情况变差</translation>
    </message>
    <message>
        <source>Financing structures compared</source>
        <translation>各种融资结构对比</translation>
    </message>
    <message>
        <source>Terms (change them to the offer you have)</source>
        <translation>融资条件（可改成实际拿到的报价）</translation>
    </message>
    <message>
        <source>Use this structure</source>
        <translation>采用这种结构</translation>
    </message>
    <message>
        <source>before tax: %1</source>
        <translation>税前：%1</translation>
    </message>
    <message>
        <source>before tax, at full output</source>
        <translation>税前，按达产后计</translation>
    </message>
    <message>
        <source>NPV after tax (%1, %2 years)</source>
        <translation>税后净现值（%1，%2 年）</translation>
    </message>
    <message>
        <source>IRR after tax</source>
        <translation>税后内部收益率</translation>
    </message>
    <message>
        <source>Payback after tax</source>
        <translation>税后回收期</translation>
    </message>
    <message>
        <source>simple payback before tax: %1</source>
        <translation>税前静态回收期：%1</translation>
    </message>
    <message>
        <source>Income tax rate</source>
        <translation>所得税率</translation>
    </message>
    <message>
        <source>after-tax NPV is zero</source>
        <translation>此时税后净现值为零</translation>
    </message>
    <message>
        <source>Residual value at the end</source>
        <translation>期末残值</translation>
    </message>
    <message>
        <source>tax status: %1</source>
        <translation>纳税身份：%1</translation>
    </message>
    <message>
        <source>as given in the plan</source>
        <translation>按测算假设中填写的税率</translation>
    </message>
    <message>
        <source>general rate (no tax status in the bank file)</source>
        <translation>一般税率（银行资料中未选纳税身份）</translation>
    </message>
    <message>
        <source>NPV after tax</source>
        <translation>税后净现值</translation>
    </message>
    <message>
        <source>NPV before tax</source>
        <translation>税前净现值</translation>
    </message>
    <message>
        <source>Simple payback (years)</source>
        <translation>静态回收期（年）</translation>
    </message>
    <message>
        <source>Lowest DSCR: of the first-ranked structure, %1, on its terms. DSCR: what the firm earns in a year divided by what it must repay that year; a bank wants at least %2.</source>
        <translation>最低偿债备付率：按排名第一的结构（%1）及其条件计算。偿债备付率 = 企业当年可用于还款的收益 ÷ 当年应还本付息额；银行一般要求不低于 %2。</translation>
    </message>
    <message>
        <source>own money share</source>
        <translation>自有资金比例</translation>
    </message>
    <message>
        <source>repayment cover (DSCR)</source>
        <translation>偿债备付率</translation>
    </message>
    <message>
        <source>interest cover (ICR)</source>
        <translation>利息备付率</translation>
    </message>
    <message>
        <source>repaid within the term</source>
        <translation>期限内还清</translation>
    </message>
    <message>
        <source>own funds available</source>
        <translation>可动用自有资金</translation>
    </message>
    <message>
        <source>debt ratio after the project</source>
        <translation>项目后资产负债率</translation>
    </message>
    <message>
        <source>Fails: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <source>Passes the bank&apos;s tests (to confirm: %1)</source>
        <translation>通过银行的检验（待确认：%1）</translation>
    </message>
    <message>
        <source>Passes the bank&apos;s tests</source>
        <translation>通过银行的检验</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>企业的选择</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>融资结构</translation>
    </message>
    <message>
        <source>Bank&apos;s tests</source>
        <translation>银行检验</translation>
    </message>
    <message>
        <source>Own money</source>
        <translation>自筹资金</translation>
    </message>
    <message>
        <source>Lowest ICR</source>
        <translation>最低利息备付率</translation>
    </message>
    <message>
        <source>The bank&apos;s tests</source>
        <translation>银行的各项检验</translation>
    </message>
    <message>
        <source>For and against</source>
        <translation>利弊</translation>
    </message>
    <message>
        <source>proposed (default %1)</source>
        <translation>建议值（默认 %1）</translation>
    </message>
    <message>
        <source>Own contribution and payments</source>
        <translation>自有资金投入与还款</translation>
    </message>
    <message>
        <source>Cumulative cash</source>
        <translation>累计现金</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚欠余额</translation>
    </message>
    <message>
        <source>Existing loans</source>
        <translation>现有贷款还本付息</translation>
    </message>
    <message>
        <source>Interest subsidy</source>
        <translation>贴息</translation>
    </message>
    <message>
        <source>ICR</source>
        <translation>利息备付率</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Assessments</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <source>Search company, city, industry…</source>
        <translation>搜索企业、城市、行业…</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>新建评估(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Re-assess</source>
        <translation>复评(&amp;R)</translation>
    </message>
    <message>
        <source>Start a follow-up assessment from the selected one; the history is kept</source>
        <translation>在所选评估的基础上开始一次复评，历史记录会保留</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import .zhigai bundles from a site visit or another computer (Ctrl+I)</source>
        <translation>导入现场核验或其他电脑上的 .zhigai 数据包（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>企业组合(&amp;P)</translation>
    </message>
    <message>
        <source>All firms with filters, charts, peer benchmarks and Excel export (Ctrl+Shift+P)</source>
        <translation>全部企业：筛选、图表、同行对比和 Excel 导出（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>正在打开数据存储…</translation>
    </message>
    <message>
        <source>No assessment matches “%1”.</source>
        <translation>没有与“%1”相符的评估。</translation>
    </message>
    <message>
        <source>No assessments yet.
Click “New assessment” to assess a factory; it takes 20-40 minutes and every answer is saved at once.</source>
        <translation>还没有评估记录。
点击“新建评估”开始评估一家工厂，大约需要 20-40 分钟，每个回答都会立即保存。</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>找到 %1 份</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>共 %1 份</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>Re-assess</source>
        <translation>复评</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
    </message>
    <message>
        <source>Start a re-assessment of %1?</source>
        <translation>为 %1 开始复评吗？</translation>
    </message>
    <message>
        <source>This makes a new assessment of the same firm that starts from the answers of the assessment of %1; check and update them. The earlier assessment stays unchanged and becomes the baseline the new one is compared with.</source>
        <translation>复评会为同一家企业新建一份评估，先填入 %1 那次评估的回答，请逐项核对并更新。原来的评估保持不变，作为新评估的对比基准。</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>删除评估</translation>
    </message>
    <message>
        <source>Delete the assessment of %1 made on %2?
Its answers are removed from this computer and cannot be restored.</source>
        <translation>确定删除 %1 在 %2 的评估吗？
它的所有回答都将从这台电脑上删除，无法恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>IndicatorCard</name>
    <message>
        <source>from the answers: %1</source>
        <translation>按回答：%1</translation>
    </message>
    <message>
        <source>from the answers: %1 of %2 points</source>
        <translation>按回答：%1 / %2 分</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>(suggest from the description)</source>
        <translation>（按描述自动推荐）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>对应措施</translation>
    </message>
    <message>
        <source>Unit price (10k yuan)</source>
        <translation>单价（万元）</translation>
    </message>
    <message>
        <source>Total (10k yuan)</source>
        <translation>小计（万元）</translation>
    </message>
    <message>
        <source>Supplier (optional)</source>
        <translation>供应商（可不填）</translation>
    </message>
    <message>
        <source>(none fits: choose one)</source>
        <translation>（没有匹配的措施：请选择）</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <translation>（按描述推荐）</translation>
    </message>
</context>
<context>
    <name>LoansModel</name>
    <message>
        <source>Existing loan %1</source>
        <translation>现有贷款第 %1 笔</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Zhigai</source>
        <translation>智改</translation>
    </message>
    <message>
        <source>Zhigai · Intelligent-transformation readiness</source>
        <translation>智改 · 智能化改造准备度评估</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>新建评估(&amp;N)</translation>
    </message>
    <message>
        <source>Choose data &amp;store…</source>
        <translation>选择数据存储(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>Assessor &amp;profile…</source>
        <translation>评估专家信息(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Welcome and first steps</source>
        <translation>欢迎与入门(&amp;W)</translation>
    </message>
    <message>
        <source>Add the &amp;sample assessment</source>
        <translation>添加示例评估(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Portfolio and benchmarks</source>
        <translation>企业组合与对标(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Zhigai</source>
        <translation>关于智改(&amp;A)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Some settings could not be read and were reset to their defaults. Check them in File → Settings.</source>
        <translation>部分设置无法读取，已恢复为默认值。请在“文件 → 设置”中检查。</translation>
    </message>
    <message>
        <source>Sample assessment</source>
        <translation>示例评估</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Waiting for the data store…</source>
        <translation>正在等待数据存储…</translation>
    </message>
    <message>
        <source>Opening the data store…</source>
        <translation>正在打开数据存储…</translation>
    </message>
    <message>
        <source>Data store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>No data store open (File → Choose data store)</source>
        <translation>未打开数据存储（文件 → 选择数据存储）</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>Data (read-only, update Zhigai to change it): %1</source>
        <translation>数据（只读，升级智改后才能修改）：%1</translation>
    </message>
    <message>
        <source>Loading the questionnaires…</source>
        <translation>正在加载问卷…</translation>
    </message>
    <message>
        <source>Open assessment</source>
        <translation>打开评估</translation>
    </message>
    <message>
        <source>Re-assess</source>
        <translation>复评</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Zhigai bundles (*.zhigai);;Assessment files (*.json)</source>
        <translation>智改数据包 (*.zhigai);;评估文件 (*.json)</translation>
    </message>
    <message>
        <source>%1: skipped; nothing changed</source>
        <translation>%1：已跳过，未做任何改动</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Assessment edited on two computers</source>
        <translation>两台电脑上都修改过的评估</translation>
    </message>
    <message>
        <source>%1 was changed both here (revision %2) and on the computer the bundle comes from. Choose for each difference which value to keep. Rows changed on one side only are preset to that side; rows marked ⚠ were changed on both sides and need your choice. Nothing is saved until you press Merge.</source>
        <translation>“%1”在本机（第 %2 版）和数据包来源的电脑上都被修改过。请逐项选择保留哪一边的内容。只在一边修改过的项目已预先选好该边；标有 ⚠ 的项目两边都改过，需要您来选择。按“合并”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>修改方</translation>
    </message>
    <message>
        <source>%1 was saved by someone else (now revision %2) after you opened it, and your last change was not saved. Choose for each difference which value to keep: their changes are preset to theirs, yours to yours; rows marked ⚠ were changed by both of you and need your choice. Nothing is saved until you press Merge.</source>
        <translation>您打开%1之后，其他人保存了它（现为第 %2 版），您的最后一处修改未保存。请逐项选择保留哪一个值：对方改过的项默认保留对方的，您改过的项默认保留您的；标有 ⚠ 的项双方都改过，需要您选择。按“合并”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Keep all of theirs</source>
        <translation>全部保留对方的</translation>
    </message>
    <message>
        <source>Keep everything from this computer</source>
        <translation>全部保留本机内容</translation>
    </message>
    <message>
        <source>Keep all of mine</source>
        <translation>全部保留我的</translation>
    </message>
    <message>
        <source>Take everything from the bundle</source>
        <translation>全部采用数据包内容</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Saved by others</source>
        <translation>他人已保存</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Owner&apos;s answer: </source>
        <translation>企业原回答：</translation>
    </message>
    <message>
        <source>Evidence: </source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Profile: </source>
        <translation>企业信息：</translation>
    </message>
    <message>
        <source>Type of assessment</source>
        <translation>评估方式</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>评估专家</translation>
    </message>
    <message>
        <source>Project plan</source>
        <translation>项目方案</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>(%1 photos)</source>
        <translation>（%1 张照片）</translation>
    </message>
    <message>
        <source>Expert-verified</source>
        <translation>专家核验</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>企业自评</translation>
    </message>
    <message>
        <source>%1 investment items</source>
        <translation>%1 项投资明细</translation>
    </message>
    <message>
        <source> (whose assessment it is: confirm)</source>
        <translation>（涉及所属企业，请确认）</translation>
    </message>
    <message>
        <source>outside Zhigai</source>
        <translation>智改之外</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两边</translation>
    </message>
    <message>
        <source>both of us</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>by others</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>by me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 differences still need a choice</source>
        <translation>还有 %1 处差异需要选择</translation>
    </message>
    <message>
        <source>Every difference is decided</source>
        <translation>所有差异都已选定</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Fill in the company profile (fields marked * are required). It is not scored; it decides the industry questions and is used for advice and the report.</source>
        <translation>请填写企业信息（带 * 的为必填项）。这部分不计分，用来确定行业专题题目，并用于改进建议和评估报告。</translation>
    </message>
    <message>
        <source>&amp;Questionnaire:</source>
        <translation>问卷(&amp;Q)：</translation>
    </message>
    <message>
        <source>Restored the form you had not finished</source>
        <translation>已恢复上次未完成的填写</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>Start again with an empty form</source>
        <translation>清空表单，重新填写</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Create and start</source>
        <translation>创建并开始答题(&amp;C)</translation>
    </message>
    <message>
        <source>This industry adds: %1 (%2 questions)</source>
        <translation>该行业将加入：%1（%2 道题）</translation>
    </message>
    <message>
        <source>Please check: %1</source>
        <translation>请检查：%1</translation>
    </message>
    <message>
        <source>Switch the questionnaire?</source>
        <translation>切换问卷？</translation>
    </message>
    <message>
        <source>This questionnaire does not ask for %1; what you typed there will be cleared.</source>
        <translation>这份问卷没有“%1”，已填的内容将清空。</translation>
    </message>
    <message>
        <source>Discard this unsaved new assessment?</source>
        <translation>放弃这份未保存的新评估？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>NoteEdit</name>
    <message>
        <source>Evidence note: what you saw, documents checked, who you spoke to (saved as you type)</source>
        <translation>证据备注：现场看到了什么、核对了哪些资料、与谁交谈（输入时自动保存）</translation>
    </message>
    <message>
        <source>Evidence note</source>
        <translation>证据备注</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters)</source>
        <translation>备注太长（最多 %1 个字）</translation>
    </message>
</context>
<context>
    <name>OfficialView</name>
    <message>
        <source>Estimated official level</source>
        <translation>预估官方等级</translation>
    </message>
    <message>
        <source>Answer them</source>
        <translation>去回答</translation>
    </message>
    <message>
        <source>Go to the first of these questions in the questionnaire</source>
        <translation>转到问卷中这些题目的第一道</translation>
    </message>
    <message>
        <source>The three scored parts</source>
        <translation>三个计分部分</translation>
    </message>
    <message>
        <source>Digital operations: the 16 scenarios</source>
        <translation>数字化经营：16 个场景</translation>
    </message>
    <message>
        <source>What each level asks for</source>
        <translation>各等级的要求</translation>
    </message>
    <message>
        <source>Milestones: supports paid only above a level</source>
        <translation>里程碑：达到一定等级才能申请的扶持</translation>
    </message>
    <message>
        <source>None of the supports the firm is eligible or nearly eligible for asks for an official level.</source>
        <translation>企业符合或接近符合条件的扶持政策都不要求官方等级。</translation>
    </message>
    <message>
        <source>Evidence checklist for the on-site rating</source>
        <translation>现场评定的证据清单</translation>
    </message>
    <message>
        <source>The checklist of the materials a rater asks for, indicator by indicator, appears during an expert verification (Verify on site… at the top).</source>
        <translation>专家现场核验时（点上方的“现场核验…”），这里按指标列出评定人员要看的材料清单。</translation>
    </message>
    <message>
        <source>The advice data could not be loaded: %1</source>
        <translation>无法加载建议数据：%1</translation>
    </message>
    <message>
        <source>No official-level lens fits the questionnaire of this assessment (%1 %2), so no official level is estimated.</source>
        <translation>没有适用于本评估问卷（%1 %2）的官方等级评测，因此不预估官方等级。</translation>
    </message>
    <message>
        <source>After the project (estimate): %1 (score %2)</source>
        <translation>项目完成后预估：%1（得分 %2）</translation>
    </message>
    <message>
        <source>Official level</source>
        <translation>官方等级</translation>
    </message>
    <message>
        <source>%1 after the project</source>
        <translation>项目完成后%1</translation>
    </message>
    <message>
        <source>The questionnaire of this assessment (version %1) does not ask %2 of the questions the estimate reads: they came with questionnaire 1.2, so those indicators count as unknown. A follow-up assessment uses the newest questionnaire and asks them.</source>
        <translation>本评估用的问卷（%1 版）没有问到预估要用的 %2 道题目（1.2 版问卷才有），这些指标按未知处理。做一次复评会使用最新版问卷并问到这些题目。</translation>
    </message>
    <message>
        <source>Unanswered questions the estimate reads: %1</source>
        <translation>预估要用但还没有回答的题目：%1</translation>
    </message>
    <message>
        <source>%1 (up to %2)</source>
        <translation>%1（最高%2）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>After the project</source>
        <translation>项目完成后</translation>
    </message>
    <message>
        <source>Does not apply to this firm: counts as no level</source>
        <translation>不适用于本企业：按未达一级计</translation>
    </message>
    <message>
        <source>Top level reached</source>
        <translation>已是最高一级</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>约束性</translation>
    </message>
    <message>
        <source>Level now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>The next level asks for</source>
        <translation>下一级的要求</translation>
    </message>
    <message>
        <source>%1 constraint scenario. A level in brackets is the highest the unanswered questions could still give.</source>
        <translation>%1 约束性场景。括号里是还没有回答的题目答完后最高可能达到的等级。</translation>
    </message>
    <message>
        <source>score ≥ %1; ≥ %2 scenarios at %3 or higher, of which ≥ %4 constraint</source>
        <translation>得分 ≥%1；≥%2 个场景达到%3及以上，其中约束性 ≥%4 个</translation>
    </message>
    <message>
        <source>score %1; scenarios: %2 (constraint: %3)</source>
        <translation>得分 %1；场景 %2 个（约束性 %3 个）</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>还达不到</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>是否达到</translation>
    </message>
    <message>
        <source>Shortest path to the next level</source>
        <translation>到下一级的最短路径</translation>
    </message>
    <message>
        <source>Shortest path to %1</source>
        <translation>到%1的最短路径</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>扶持政策</translation>
    </message>
    <message>
        <source>Level required</source>
        <translation>要求等级</translation>
    </message>
    <message>
        <source>Now → after the project</source>
        <translation>现在 → 项目完成后</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Roadmap</source>
        <translation>改造路线图</translation>
    </message>
    <message>
        <source>Your own project (framed in blue) and the measures for the prioritized gaps, in the order their prerequisites allow. Tick a measure to add it to the project below; costs are indicative ranges for an SME.</source>
        <translation>企业自己的项目（蓝框）和针对优先差距的改进措施，按先后条件排序。勾选措施即可加入下面的改造项目；费用为中小企业的参考区间。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>改造项目</translation>
    </message>
    <message>
        <source>Planned project:</source>
        <translation>拟实施的项目：</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <source>Delivered by an engineering-service company</source>
        <translation>由工程服务公司整体交付</translation>
    </message>
    <message>
        <source>Expected effects per year</source>
        <translation>每年预期效果</translation>
    </message>
    <message>
        <source>Financial assumptions</source>
        <translation>测算假设</translation>
    </message>
    <message>
        <source>Positions redeployed</source>
        <translation>减少/转岗人数</translation>
    </message>
    <message>
        <source>Annual cost per worker (with social insurance)</source>
        <translation>每人年用工成本（含社保）</translation>
    </message>
    <message>
        <source>Extra sales from higher output</source>
        <translation>增产带来的新增销售额</translation>
    </message>
    <message>
        <source>Margin on the extra sales</source>
        <translation>新增销售的毛利率</translation>
    </message>
    <message>
        <source>Scrap rate before</source>
        <translation>改造前废品率</translation>
    </message>
    <message>
        <source>Scrap rate after</source>
        <translation>改造后废品率</translation>
    </message>
    <message>
        <source>Material cost the scrap rate applies to</source>
        <translation>相关的年材料成本</translation>
    </message>
    <message>
        <source>Energy saved</source>
        <translation>节约的能源费用</translation>
    </message>
    <message>
        <source>Added running costs (maintenance, software, power)</source>
        <translation>新增运行费用（维护、软件、电费）</translation>
    </message>
    <message>
        <source>Project life (years)</source>
        <translation>项目使用年限（年）</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>Income tax rate</source>
        <translation>所得税率</translation>
    </message>
    <message>
        <source>Share of benefits in year 1</source>
        <translation>第一年效益达产比例</translation>
    </message>
    <message>
        <source>Own funds available for the project</source>
        <translation>可投入的自有资金</translation>
    </message>
    <message>
        <source>Existing loan repayments per year</source>
        <translation>现有贷款每年还本付息</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>/year</source>
        <translation>/年</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <source>The advice data could not be loaded: %1</source>
        <translation>改进建议所需的数据无法加载：%1</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>这一阶段暂无措施。</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等 %1 项</translation>
    </message>
    <message>
        <source>Already in place: %1</source>
        <translation>已具备：%1</translation>
    </message>
    <message>
        <source>Total investment: %1 (10k yuan)</source>
        <translation>总投资：%1 万元</translation>
    </message>
    <message>
        <source>No items yet: the profile&apos;s estimate is %1 (10k yuan). Add the items to detail it.</source>
        <translation>还没有项目明细：企业信息中的预计投资为 %1 万元。请添加明细项。</translation>
    </message>
    <message>
        <source>Set by the firm&apos;s tax status in the Bank file tab</source>
        <translation>由“银行资料”中的纳税身份决定</translation>
    </message>
    <message>
        <source>Leave empty for the general rate of 25%, or choose the firm&apos;s tax status in the Bank file tab</source>
        <translation>留空即按一般税率 25%，也可在“银行资料”中选择企业的纳税身份</translation>
    </message>
    <message>
        <source>The sum of the existing loans listed in the Bank file tab</source>
        <translation>“银行资料”中所列现有贷款的合计</translation>
    </message>
    <message>
        <source>Or list the existing loans in the Bank file tab</source>
        <translation>也可在“银行资料”中逐笔填写现有贷款</translation>
    </message>
    <message>
        <source>%1-%2 (10k yuan, indicative)</source>
        <translation>%1-%2 万元（参考价）</translation>
    </message>
    <message>
        <source>Your project: %1</source>
        <translation>企业自己的项目：%1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>%1 (10k yuan)</source>
        <translation>%1 万元</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新明细</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>← All assessments</source>
        <translation>← 全部评估</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>企业组合</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Peer benchmarks are shown only when at least this many other firms are comparable</source>
        <translation>至少有这么多家可比企业时才显示同行对比</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>评估方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Min. peers</source>
        <translation>最少同行数</translation>
    </message>
    <message>
        <source>Stage distribution (by index)</source>
        <translation>阶段分布（指数法）</translation>
    </message>
    <message>
        <source>Mean level by industry</source>
        <translation>分行业平均水平</translation>
    </message>
    <message>
        <source>Select an assessment to see the firm&apos;s progress and its peer benchmark</source>
        <translation>选择一份评估，查看该企业的进展和同行对比</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The filtered assessments and the summary tables, one sheet each</source>
        <translation>筛选后的评估和各汇总表，每张表一个工作表</translation>
    </message>
    <message>
        <source>The filtered assessment list as CSV (UTF-8)</source>
        <translation>筛选后的评估清单，CSV 格式（UTF-8）</translation>
    </message>
    <message>
        <source>The fictional sample firm added to explore the program</source>
        <translation>为熟悉本软件而添加的虚构示例企业</translation>
    </message>
    <message>
        <source>Drafts with fewer than %1% of their required questions answered</source>
        <translation>必答题回答不足 %1% 的草稿</translation>
    </message>
    <message>
        <source>Earlier assessments of a firm that has a newer assessment or a follow-up</source>
        <translation>同一企业已有更新的评估或复评时，它之前的评估</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD</source>
        <translation>日期请写成 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1 of %2 assessments</source>
        <translation>共 %2 份评估，显示 %1 份</translation>
    </message>
    <message>
        <source>Include samples (%1)</source>
        <translation>包括示例（%1）</translation>
    </message>
    <message>
        <source>Include drafts under %1% answered (%2)</source>
        <translation>包括回答不足 %1% 的草稿（%2）</translation>
    </message>
    <message>
        <source>Include superseded (%1)</source>
        <translation>包括被复评取代的（%1）</translation>
    </message>
    <message>
        <source>samples %1</source>
        <translation>示例 %1</translation>
    </message>
    <message>
        <source>drafts %1</source>
        <translation>草稿 %1</translation>
    </message>
    <message>
        <source>superseded by a re-assessment %1</source>
        <translation>被复评取代 %1</translation>
    </message>
    <message>
        <source>Excluded: %1</source>
        <translation>已排除：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing excluded</source>
        <translation>未排除任何评估</translation>
    </message>
    <message>
        <source>%1: index over time</source>
        <translation>%1：指数变化</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>This firm</source>
        <translation>本企业</translation>
    </message>
    <message>
        <source>Peer mean</source>
        <translation>同行平均值</translation>
    </message>
    <message>
        <source>Peer median</source>
        <translation>同行中位数</translation>
    </message>
    <message>
        <source>Peer middle half</source>
        <translation>同行中间一半</translation>
    </message>
    <message>
        <source>Below the middle half of the peers</source>
        <translation>低于同行中间一半</translation>
    </message>
    <message>
        <source>Above the middle half of the peers</source>
        <translation>高于同行中间一半</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>企业组合</translation>
    </message>
    <message>
        <source>Export portfolio</source>
        <translation>导出企业组合</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>After the change to %1, the %2 questions of the %3 will be hidden; the %4 answers already given are kept and come back when you change back to %5.</source>
        <translation>改为%1后，%3的 %2 道题将隐藏；已填的 %4 个答案会保留，改回%5即可恢复。</translation>
    </message>
    <message>
        <source>After the change to %1, the %2 questions of the %3 will be hidden (none of them is answered yet); change back to %5 to show them again.</source>
        <translation>改为%1后，%3的 %2 道题将隐藏（其中还没有已填的答案）；改回%5即可恢复。</translation>
    </message>
    <message>
        <source>After changing %6 to %1, %2 questions will be hidden; the %4 answers already given are kept and come back when you change back to %5.</source>
        <translation>将%6改为%1后，%2 道题将隐藏；已填的 %4 个答案会保留，改回%5即可恢复。</translation>
    </message>
    <message>
        <source>Change %1?</source>
        <translation>更改%1？</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The total of the %1 items of the plan; change them on the Plan tab.</source>
        <translation>项目计划中 %1 个明细项的合计；请在“规划”页修改明细。</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source> (optional)</source>
        <translation>（选答）</translation>
    </message>
    <message>
        <source>Expert check</source>
        <translation>专家核查要点</translation>
    </message>
    <message>
        <source>Evidence: </source>
        <translation>核查要点：</translation>
    </message>
    <message>
        <source>Not applicable to us (N)</source>
        <translation>不适用于本企业 (N)</translation>
    </message>
    <message>
        <source>Last time: </source>
        <translation>上次：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Type here; it is saved as you type. Ctrl+Enter: next question</source>
        <translation>在这里输入，边输入边保存；Ctrl+回车 到下一题</translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
    <message>
        <source>The total counts the questions that need an answer now (optional ones once answered); follow-up questions add to it when an answer calls for them.</source>
        <translation>总数只算目前需要回答的题目（选答题答了才算）；某个回答引出追问时，总数会随之增加。</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← 上一部分</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>下一部分 →</translation>
    </message>
    <message>
        <source>Keys: 1-9 choose · N not applicable · Enter next · Ctrl+J next unanswered</source>
        <translation>快捷键：1-9 选择 · N 不适用 · 回车 下一题 · Ctrl+J 下一道未答题</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Answered %1 of %2 questions</source>
        <translation>已答 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Next unanswered (%1)</source>
        <translation>下一道未答题（还有 %1 题）</translation>
    </message>
    <message>
        <source>All answered: see results</source>
        <translation>已全部答完：查看结果</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Answer the rest</source>
        <translation>去答完剩下的题</translation>
    </message>
    <message>
        <source>Where each dimension stands, and its next level</source>
        <translation>各维度的现状与下一级</translation>
    </message>
    <message>
        <source>What to improve first</source>
        <translation>优先改进</translation>
    </message>
    <message>
        <source>Provisional: %1 required questions are not answered yet; unanswered questions are not counted as zero.</source>
        <translation>暂定结果：还有 %1 道必答题没有回答；未答的题不按零分计算。</translation>
    </message>
    <message>
        <source>Where your factory stands</source>
        <translation>您的工厂所处阶段</translation>
    </message>
    <message>
        <source>Not yet determined (at least stage %1)</source>
        <translation>尚未确定（至少第 %1 阶段）</translation>
    </message>
    <message>
        <source>Index %1 / 100 · how the stage is worked out</source>
        <translation>指数 %1 / 100 · 阶段是怎样得出的</translation>
    </message>
    <message>
        <source>The index lets strengths make up for weaknesses; the gates show what the firm can rely on everywhere.</source>
        <translation>指数让长处弥补短处；阶段门槛说明企业在各方面都能依靠的水平。</translation>
    </message>
    <message>
        <source>Since the assessment of %1:</source>
        <translation>与 %1 的评估相比：</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>指数 %1</translation>
    </message>
    <message>
        <source>stage by index %1 → %2</source>
        <translation>指数法阶段 %1 → %2</translation>
    </message>
    <message>
        <source>stage by the gates %1 → %2</source>
        <translation>阶段门槛法 %1 → %2</translation>
    </message>
    <message>
        <source>Expert verification by %1. Owner&apos;s own answers: index %2, stage %3. Verified: index %4, stage %5.</source>
        <translation>评估专家 %1 的核验。企业自评：指数 %2，阶段 %3；核验后：指数 %4，阶段 %5。</translation>
    </message>
    <message>
        <source>Checked %1 of %2 answers (%3%); corrected %4. The other %5 count as the owner gave them.</source>
        <translation>已核对 %2 个回答中的 %1 个（%3%），更正 %4 处；其余 %5 个按企业自评计入。</translation>
    </message>
    <message>
        <source>No answer has been checked yet. Under each question, tick “Checked on site” once you have seen it, or correct the answer.</source>
        <translation>还没有核对任何回答。看过现场后，在每道题下勾选“已现场核对”，或直接更正回答。</translation>
    </message>
    <message>
        <source>%1 answers corrected:</source>
        <translation>更正了 %1 处回答：</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Where it stands now</source>
        <translation>现在的状况</translation>
    </message>
    <message>
        <source>Next level</source>
        <translation>下一级</translation>
    </message>
    <message>
        <source>No gaps to rank yet.</source>
        <translation>还没有可以排序的差距。</translation>
    </message>
    <message>
        <source>Every dimension has reached the target stage.</source>
        <translation>所有维度都已达到目标阶段。</translation>
    </message>
    <message>
        <source>What to improve first (target stage: %1)</source>
        <translation>优先改进（目标阶段：%1）</translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation>优先级：%1</translation>
    </message>
    <message>
        <source>Next level %1: </source>
        <translation>下一级 %1：</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The connection to the database server was lost. Your changes are kept on this computer and saved as soon as it is back; Zhigai tries again every %1 seconds.</source>
        <translation>与数据库服务器的连接已断开。您的修改保留在本机，连接恢复后立即保存；智改每 %1 秒自动重试一次。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>界面语言(&amp;I)</translation>
    </message>
    <message>
        <source>Every change made on this computer is recorded under this name in the change history</source>
        <translation>在这台电脑上做的每处修改，都以这个名字记入修改记录</translation>
    </message>
    <message>
        <source>Your &amp;name (change history)</source>
        <translation>您的姓名（修改记录）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Data folder</source>
        <translation>数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>The assessments, photos and reports&apos; data are kept here, in the file zhigai.sqlite3. A new folder starts empty unless you copy that file there; the old folder is not changed.</source>
        <translation>评估、照片和报告数据保存在此文件夹的 zhigai.sqlite3 文件中。新文件夹起初为空，除非把该文件复制过去；原文件夹不会被改动。</translation>
    </message>
    <message>
        <source>This session uses a store chosen at start-up (%1); the folder set here is used from the next normal start.</source>
        <translation>本次运行使用启动时指定的数据库（%1）；此处设置的文件夹在下次正常启动时生效。</translation>
    </message>
    <message>
        <source>Default assessor (used when verifying on site)</source>
        <translation>默认评估专家（现场核验时使用）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>Service &amp;group</source>
        <translation>服务团(&amp;G)</translation>
    </message>
    <message>
        <source>Supports and reports</source>
        <translation>政策与报告</translation>
    </message>
    <message>
        <source>By the firm&apos;s region (national, province, city)</source>
        <translation>按企业所在地区（全国、省、市）</translation>
    </message>
    <message>
        <source>&amp;Policy catalogue for new assessments</source>
        <translation>新评估使用的政策目录(&amp;P)</translation>
    </message>
    <message>
        <source>Same as the interface</source>
        <translation>与界面相同</translation>
    </message>
    <message>
        <source>&amp;Report language</source>
        <translation>报告语言(&amp;R)</translation>
    </message>
    <message>
        <source>Include the &amp;appendix with every answer</source>
        <translation>包含列出全部答案的附录(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open a report when it is ready</source>
        <translation>报告生成后自动打开(&amp;O)</translation>
    </message>
    <message>
        <source>Reports readable by other &amp;users</source>
        <translation>报告可被其他用户读取(&amp;U)</translation>
    </message>
    <message>
        <source>Off: a report file is readable by you only (it holds the firm&apos;s financial figures)</source>
        <translation>不勾选时，报告文件只有您本人可以读取（其中含有企业财务数据）</translation>
    </message>
    <message>
        <source> firms</source>
        <translation> 家企业</translation>
    </message>
    <message>
        <source>&amp;Fewest peers for a benchmark</source>
        <translation>同行对比最少企业数(&amp;F)</translation>
    </message>
    <message>
        <source>Peer comparisons (portfolio and report) are shown only when at least this many other firms of the same industry are in the store, so that no single firm can be recognised.</source>
        <translation>只有当数据库中同行业的其他企业达到此数量时，才显示同行对比（汇总页和报告），以免识别出单个企业。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Enter the assessor&apos;s name, or clear the organisation and service group.</source>
        <translation>请填写评估专家姓名，或清空单位和服务团。</translation>
    </message>
    <message>
        <source>The data folder must be a full path, such as %1.</source>
        <translation>数据文件夹必须是完整路径，例如 %1。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Zhigai cannot write in %1.</source>
        <translation>智改无法在 %1 中写入。</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>The store %1 is damaged or is not a Zhigai store. It was not changed.</source>
        <translation>数据存储 %1 已损坏，或不是智改的数据存储。文件没有被改动。</translation>
    </message>
    <message>
        <source>The store %1 was upgraded by a newer version of Zhigai: this version can read it but not change it. Update Zhigai to change it.</source>
        <translation>数据库 %1 已由更新版本的智改升级：本版本只能查看，不能修改。请升级智改后再修改。</translation>
    </message>
    <message>
        <source>The shared database %1 is at an older store version. Its administrator must run &apos;zhigai db upgrade&apos; (it backs the database up, then upgrades it). Nothing was changed.</source>
        <translation>共享数据库 %1 的版本较旧，需由管理员运行 &apos;zhigai db upgrade&apos;（先备份，再升级）。数据库未做任何改动。</translation>
    </message>
    <message>
        <source>The store %1 is read-only: Zhigai cannot save there.</source>
        <translation>数据存储 %1 是只读的，智改无法在那里保存。</translation>
    </message>
    <message>
        <source>The file %1 is a database of another program. Zhigai did not touch it.</source>
        <translation>文件 %1 是其他程序的数据库，智改没有改动它。</translation>
    </message>
    <message>
        <source>This assessment is no longer in the store %1.</source>
        <translation>这份评估已不在数据存储 %1 中。</translation>
    </message>
    <message>
        <source>The store %1 cannot be used right now.</source>
        <translation>数据存储 %1 暂时无法使用。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost; the change is not saved yet.</source>
        <translation>与数据库服务器的连接已断开，这项修改尚未保存。</translation>
    </message>
    <message>
        <source>Someone else saved this assessment after you opened it; your change was not saved.</source>
        <translation>您打开这份评估之后，别人已经保存了修改；您的修改没有保存。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>Data store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>Choose the data store to use.</source>
        <translation>请选择要使用的数据存储。</translation>
    </message>
    <message>
        <source>You can open another store file, or create a new store in a folder of your choice. Nothing in the old file is changed.</source>
        <translation>您可以打开另一个数据存储文件，或在您选择的文件夹中新建一个。原来的文件不会有任何改动。</translation>
    </message>
    <message>
        <source>Open a store file…</source>
        <translation>打开数据存储文件…</translation>
    </message>
    <message>
        <source>New store in a folder…</source>
        <translation>在文件夹中新建…</translation>
    </message>
    <message>
        <source>Continue without a store</source>
        <translation>暂不使用数据存储</translation>
    </message>
    <message>
        <source>Open a store file</source>
        <translation>打开数据存储文件</translation>
    </message>
    <message>
        <source>Zhigai store (*.sqlite3 *.db);;All files (*)</source>
        <translation>智改数据存储 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder for the new store</source>
        <translation>新数据存储所在的文件夹</translation>
    </message>
</context>
<context>
    <name>SubsidiesModel</name>
    <message>
        <source>Subsidy received %1</source>
        <translation>已获补助第 %1 项</translation>
    </message>
    <message>
        <source>New subsidy</source>
        <translation>新补助</translation>
    </message>
</context>
<context>
    <name>SupportsView</name>
    <message>
        <source>Public supports</source>
        <translation>政策支持</translation>
    </message>
    <message>
        <source>Policy catalogues:</source>
        <translation>政策目录：</translation>
    </message>
    <message>
        <source>Use the firm&apos;s region</source>
        <translation>按企业所在地区选择</translation>
    </message>
    <message>
        <source>Choose the national catalogue and those of the firm&apos;s province, city and county again</source>
        <translation>重新选用全国目录和企业所在省、市、县的目录</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source> (historical)</source>
        <translation>（历史）</translation>
    </message>
    <message>
        <source>The advice data could not be loaded: %1</source>
        <translation>改进建议所需的数据无法加载：%1</translation>
    </message>
    <message>
        <source>Chosen by the firm&apos;s region.</source>
        <translation>按企业所在地区选定。</translation>
    </message>
    <message>
        <source>Chosen by hand.</source>
        <translation>手动选定。</translation>
    </message>
    <message>
        <source>Policies are judged as in force on %1, the assessment date.</source>
        <translation>政策按评估日 %1 判断是否有效。</translation>
    </message>
    <message>
        <source>Source: %1 (catalogue dated %2)</source>
        <translation>来源：%1（目录日期 %2）</translation>
    </message>
    <message>
        <source>No entry of this catalogue is in force on %1; for reference only.</source>
        <translation>该目录在 %1 没有仍然有效的条目，仅供参考。</translation>
    </message>
    <message>
        <source>Verify current terms before relying on these.</source>
        <translation>请先核实现行条款，再据此决策。</translation>
    </message>
    <message>
        <source>No policy catalogue is chosen: tick one above, or use the firm&apos;s region.</source>
        <translation>没有选用政策目录：请在上方勾选，或按企业所在地区选择。</translation>
    </message>
    <message>
        <source>Estimated subsidies: %1 to %2. The calculator counts the low end, %1.</source>
        <translation>估计可获补贴 %1 至 %2，投资测算按低值 %1 计入。</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>Nearly eligible</source>
        <translation>差一点符合</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>相关信息</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>Expired — for reference</source>
        <translation>已过期（仅供参考）</translation>
    </message>
    <message>
        <source>No support in force in the chosen catalogues pays a grant whose amount could be estimated: those in force below are loans, guarantees, interest subsidies, services or information.</source>
        <translation>所选政策清单中，目前有效的政策都不发放可估算金额的补助：下列有效政策为贷款、担保、贴息、服务或信息类。</translation>
    </message>
    <message>
        <source>Nothing to estimate yet: the project&apos;s items include none of the costs these eligible supports pay a share of: %1.</source>
        <translation>暂无可估算金额：以下符合条件的政策按某类费用的比例补助，而项目明细中没有这类费用：%1。</translation>
    </message>
    <message>
        <source>Supports in force that pay an amount: %1, none open to this project yet (%2 nearly eligible: see what is missing below).</source>
        <translation>目前有效、发放补助金额的政策共 %1 项，本项目暂不符合其中任何一项（%2 项接近符合：差什么见下文）。</translation>
    </message>
    <message>
        <source>Supports in force that pay an amount: %1, none open to this project (the reasons are below).</source>
        <translation>目前有效、发放补助金额的政策共 %1 项，本项目均不符合（原因见下文）。</translation>
    </message>
    <message>
        <source>No estimate yet: list the project&apos;s items in the Plan tab (or its estimated cost in the profile) to estimate the supports below that pay an amount.</source>
        <translation>暂无估算：请在“规划”中列出项目明细（或在“企业信息”中填写项目预计投资），即可估算下列发放补助金额的政策。</translation>
    </message>
    <message>
        <source>No estimate yet: the project&apos;s items have no prices. Enter their unit prices in the Plan tab to estimate the supports.</source>
        <translation>暂无估算：项目明细还没有价格。请在“规划”中填写单价，即可估算政策补助。</translation>
    </message>
    <message>
        <source>Estimate: %1 to %2</source>
        <translation>估计：%1 至 %2</translation>
    </message>
    <message>
        <source> (capped)</source>
        <translation>（已按上限计）</translation>
    </message>
    <message>
        <source>To confirm: %1</source>
        <translation>需自行确认：%1</translation>
    </message>
    <message>
        <source>Valid until %1: expired on the assessment date, never counted in an estimate.</source>
        <translation>有效期至 %1：评估日已过期，不计入任何补贴估算。</translation>
    </message>
    <message>
        <source>It runs in yearly rounds: ask whether a new round is open.</source>
        <translation>该政策按年度分批开展：请向主管部门询问是否有新一轮申报。</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>dated %1, valid %2</source>
        <translation>日期 %1，有效期 %2</translation>
    </message>
    <message>
        <source>verify current terms</source>
        <translation>请核实现行条款</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Discard your changes?</source>
        <translation>放弃所做的修改？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Zhigai</source>
        <translation>欢迎使用智改</translation>
    </message>
    <message>
        <source>Zhigai shows where your factory stands on the way from mechanization to intelligent manufacturing, what to do next, which public supports and financing fit your project, and prints a report your bank can check.</source>
        <translation>智改告诉您：企业在从机械化到智能制造的道路上处于哪个阶段、下一步该做什么、哪些政策支持和融资方式适合您的项目，并生成银行可以核验的报告。</translation>
    </message>
    <message>
        <source>Enter the firm&apos;s profile (name, industry, size).</source>
        <translation>填写企业概况（名称、行业、规模）。</translation>
    </message>
    <message>
        <source>Answer the questions: about 20 to 40 minutes; everything is saved as you go, so you can stop and continue later.</source>
        <translation>回答问卷：约 20 到 40 分钟；每个答案都会自动保存，可以随时中断、稍后继续。</translation>
    </message>
    <message>
        <source>See the stage, what holds it back and a step-by-step roadmap.</source>
        <translation>看清所处阶段、拖后腿的方面和分步骤的路线图。</translation>
    </message>
    <message>
        <source>Plan the project: supports, costs, payback and financing.</source>
        <translation>规划项目：支持政策、投资、回收期和融资。</translation>
    </message>
    <message>
        <source>Export the PDF report for the bank or the programme office.</source>
        <translation>导出 PDF 报告，提交银行或主管部门。</translation>
    </message>
    <message>
        <source>A sample assessment of a fictional auto-parts supplier has been added so you can look around first. It is marked 【示例】 (sample) and you can delete it at any time.</source>
        <translation>已添加一份虚构汽车零部件企业的示例评估，供您先行浏览。它标有【示例】，可随时删除。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Every change made on this computer is recorded under this name in the change history (you can change it in File → Settings).</source>
        <translation>在这台电脑上做的每处修改，都以这个名字记入修改记录（可在“文件 → 设置”中修改）。</translation>
    </message>
    <message>
        <source>Everything works with the keyboard too: Tab moves between fields, number keys choose an answer, Ctrl+1 to Ctrl+8 switch tabs. Help → Welcome and first steps shows this again.</source>
        <translation>也可以只用键盘操作：Tab 在各项之间移动，数字键选择答案，Ctrl+1 至 Ctrl+8 切换标签页。可通过“帮助 → 欢迎与入门”再次查看本页。</translation>
    </message>
    <message>
        <source>&amp;Explore the sample</source>
        <translation>浏览示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Start my own assessment</source>
        <translation>开始我的评估(&amp;S)</translation>
    </message>
</context>
<context>
    <name>YearsModel</name>
    <message>
        <source>Financial year %1</source>
        <translation>财务数据 %1 年</translation>
    </message>
    <message>
        <source>At most five financial years can be kept: clear a year that is no longer needed first</source>
        <translation>最多保存五个年度的财务数据：请先清空不再需要的年度</translation>
    </message>
</context>
</TS>
