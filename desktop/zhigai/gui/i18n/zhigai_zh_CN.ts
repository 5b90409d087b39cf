<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssessmentPage</name>
    <message>
        <source>← All assessments</source>
        <translation>← 全部评估</translation>
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
        <source>All changes are saved automatically</source>
        <translation>所有修改都会自动保存</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>新建评估</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未能保存：%1</translation>
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
        <source>Stage (index / weakest link)</source>
        <translation>阶段（指数法 / 短板法）</translation>
    </message>
    <message>
        <source>Stage by weighted index / by weakest link</source>
        <translation>按加权指数 / 按短板确定的阶段</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
    </message>
    <message>
        <source> (follow-up)</source>
        <translation>（复评）</translation>
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
        <source> (enabler)</source>
        <translation>（支撑）</translation>
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
        <source>Store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写名称）</translation>
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
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
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
        <source>Intelligent-transformation readiness assessment for manufacturing SMEs.</source>
        <translation>制造业中小企业智能化改造准备度评估。</translation>
    </message>
    <message>
        <source>Data store: %1</source>
        <translation>数据存储：%1</translation>
    </message>
    <message>
        <source>About Zhigai</source>
        <translation>关于智改</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
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
        <source>Type here; it is saved as you type</source>
        <translation>在这里输入，边输入边保存</translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
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
        <source>Answered %1 of %2</source>
        <translation>已答 %1 / %2 题</translation>
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
        <source>Stage by weighted index</source>
        <translation>按加权指数确定的阶段</translation>
    </message>
    <message>
        <source>Stage by weakest link</source>
        <translation>按短板确定的阶段</translation>
    </message>
    <message>
        <source>The index lets strengths make up for weaknesses; the weakest link shows what the firm can rely on everywhere.</source>
        <translation>加权指数让长处弥补短处；短板法说明企业在各方面都能做到的水平。</translation>
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
        <source>weakest link %1 → %2</source>
        <translation>短板法阶段 %1 → %2</translation>
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
        <source>priority %1</source>
        <translation>优先度 %1</translation>
    </message>
    <message>
        <source>Next level %1: </source>
        <translation>下一级 %1：</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>The store %1 is damaged or is not a Zhigai store. It was not changed.</source>
        <translation>数据存储 %1 已损坏，或不是智改的数据存储。文件没有被改动。</translation>
    </message>
    <message>
        <source>The store %1 was written by a newer version of Zhigai. Update Zhigai to open it. It was not changed.</source>
        <translation>数据存储 %1 是由更新版本的智改写入的。请升级智改后再打开。文件没有被改动。</translation>
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
</TS>
