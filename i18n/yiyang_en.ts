<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>新用户第一次登录时需要改成自己的密码。</source>
        <translation>New users must change to their own password at first login.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>办理入住</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>{name} 再次入住（上次 {a} 至 {b}，{reason}）</source>
        <translation>{name} comes back (last stay {a} to {b}, {reason})</translation>
    </message>
    <message>
        <source>{name} 入住</source>
        <translation>Admit {name}</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>续签协议</source>
        <translation>Renew agreement</translation>
    </message>
    <message>
        <source>编辑协议</source>
        <translation>Edit agreement</translation>
    </message>
    <message>
        <source>新增合作协议</source>
        <translation>New cooperation agreement</translation>
    </message>
    <message>
        <source>续签“{partner}”的协议（原协议 {a} 至 {b}）。原协议保留，新协议与它关联。</source>
        <translation>Renewing the agreement with “{partner}” (original {a} to {b}). The original is kept and the new one is linked to it.</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>到期日期</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>合作服务</source>
        <translation>Agreed services</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>养老机构责任</source>
        <translation>Duties of the care home</translation>
    </message>
    <message>
        <source>医疗机构责任</source>
        <translation>Duties of the medical institution</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>建设补贴申请</source>
        <translation>Construction subsidy application</translation>
    </message>
    <message>
        <source>运营补贴申请</source>
        <translation>Operating subsidy application</translation>
    </message>
    <message>
        <source>医保定点申请</source>
        <translation>Medical-insurance designation application</translation>
    </message>
    <message>
        <source>月</source>
        <translation> mo</translation>
    </message>
    <message>
        <source>身份证号完整显示</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <source>重新计算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <source>政策配置…</source>
        <translation>Policy profiles…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>申请表</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <source>去填写机构信息</source>
        <translation>Fill in institution details</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>补贴测算</source>
        <translation>Subsidy calculation</translation>
    </message>
    <message>
        <source>床位清单</source>
        <translation>Bed list</translation>
    </message>
    <message>
        <source>未纳入床位</source>
        <translation>Beds not included</translation>
    </message>
    <message>
        <source>月度床次</source>
        <translation>Bed-months by month</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>未计入</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>卫生技术人员</source>
        <translation>Health professionals</translation>
    </message>
    <message>
        <source>大型医疗设备</source>
        <translation>Large medical equipment</translation>
    </message>
    <message>
        <source>申请条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>材料清单</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>每床标准（元）</source>
        <translation>Per bed (yuan)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>补贴标准（元/床/月）</source>
        <translation>Rate (yuan/bed/month)</translation>
    </message>
    <message>
        <source>床位数（张）</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>符合条件床次（床·月）</source>
        <translation>Eligible bed-months</translation>
    </message>
    <message>
        <source>本次计入月数</source>
        <translation>Months counted</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>计算依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>其中首次注册在本机构</source>
        <translation>First registered here</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>举办方式</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>投入使用日期</source>
        <translation>In service from</translation>
    </message>
    <message>
        <source>租赁到期日</source>
        <translation>Lease ends</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Ability grade</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>是否符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>执业证书编号</source>
        <translation>Practice certificate no.</translation>
    </message>
    <message>
        <source>资格证书编号</source>
        <translation>Qualification certificate no.</translation>
    </message>
    <message>
        <source>用工</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>到岗日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>准备情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{type}（{sub}）</source>
        <translation>{type} ({sub})</translation>
    </message>
    <message>
        <source>数字按所选申请表和期间计算：先看数字和依据，再保存文件。</source>
        <translation>Figures for the chosen form and period: check them and their basis, then save the files.</translation>
    </message>
    <message>
        <source>填写确认事项…</source>
        <translation>Fill in confirmations…</translation>
    </message>
    <message>
        <source>制度、信息系统对接、医保管理部门、设备和机构简介：记录里没有的，由您确认。</source>
        <translation>Rules, information-system link, medical-insurance department, equipment and institution summary: where the records do not show them, you confirm them.</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>申请金额（元）</source>
        <translation>Amount claimed (yuan)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>批准金额（元）</source>
        <translation>Amount approved (yuan)</translation>
    </message>
    <message>
        <source>批复日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>生成时间</source>
        <translation>Created at</translation>
    </message>
    <message>
        <source>登记批复…</source>
        <translation>Record approval…</translation>
    </message>
    <message>
        <source>建设补贴获批后登记：获批床位今后不再纳入建设补贴申请。</source>
        <translation>Record a construction subsidy once approved: approved beds are left out of later construction-subsidy applications.</translation>
    </message>
    <message>
        <source>PDF 预览</source>
        <translation>PDF preview</translation>
    </message>
    <message>
        <source>申报记录</source>
        <translation>Application history</translation>
    </message>
    <message>
        <source>保存 Excel 和 PDF…</source>
        <translation>Save Excel and PDF…</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>正在计算……先看数字和依据，再保存文件。</source>
        <translation>Calculating… check the figures and their basis before saving the files.</translation>
    </message>
    <message>
        <source>申请表还缺少这些机构资料：{fields}。请先填写，再保存文件。</source>
        <translation>The form still lacks these institution details: {fields}. Fill them in before saving the files.</translation>
    </message>
    <message>
        <source>条件均已满足，可以申请。</source>
        <translation>All conditions are met; you can apply.</translation>
    </message>
    <message>
        <source>尚不满足全部条件。</source>
        <translation>Not all conditions are met yet.</translation>
    </message>
    <message>
        <source>最早可申请日期：{d}</source>
        <translation>Earliest application date: {d}</translation>
    </message>
    <message>
        <source>（按 {d} 的记录判断）</source>
        <translation> (judged on the records as of {d})</translation>
    </message>
    <message>
        <source>申请金额 &lt;b&gt;{yuan}&lt;/b&gt; 元（{capital}）</source>
        <translation>Amount claimed &lt;b&gt;{yuan}&lt;/b&gt; yuan ({capital})</translation>
    </message>
    <message>
        <source>纳入床位 {n} 张，未纳入 {m} 张</source>
        <translation>{n} beds included, {m} not included</translation>
    </message>
    <message>
        <source>符合条件的床次 {n} 床·月，未计入 {m} 人次</source>
        <translation>{n} eligible bed-months; {m} cases not counted</translation>
    </message>
    <message>
        <source>依据：{title}（{doc}）</source>
        <translation>Basis: {title} ({doc})</translation>
    </message>
    <message>
        <source>政策配置 {id} 第{v}版，有效期 {force}；按 {d} 的记录计算</source>
        <translation>Policy profile {id} version {v}, in force {force}; computed on the records as of {d}</translation>
    </message>
    <message>
        <source>{m}月 {note}</source>
        <translation>month {m}: {note}</translation>
    </message>
    <message>
        <source>未计入的月份：{notes}</source>
        <translation>Months not counted: {notes}</translation>
    </message>
    <message>
        <source>{title}（{n}）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <source>资料不全</source>
        <translation>Details missing</translation>
    </message>
    <message>
        <source>申请表还缺少：{fields}。请先在“机构信息”中填写。</source>
        <translation>The form still lacks: {fields}. Fill them in under “Institution” first.</translation>
    </message>
    <message>
        <source>未保存：请先核对上面的提醒。</source>
        <translation>Not saved: please check the warnings first.</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>正在生成申请表…</source>
        <translation>Creating the application form…</translation>
    </message>
    <message>
        <source>已取消，未保存文件。</source>
        <translation>Cancelled; no files saved.</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>已保存：{files}</source>
        <translation>Saved: {files}</translation>
    </message>
    <message>
        <source>保存申请表</source>
        <translation>Save the application</translation>
    </message>
    <message>
        <source>保存前请确认</source>
        <translation>Please confirm before saving</translation>
    </message>
    <message>
        <source>这份申请表有以下情况，确定要保存吗？</source>
        <translation>This application has the following issues. Save it anyway?</translation>
    </message>
    <message>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登记批复</source>
        <translation>Record approval</translation>
    </message>
    <message>
        <source>请先在申报记录中选中一份建设补贴申请。</source>
        <translation>First select a construction-subsidy application in the application history.</translation>
    </message>
    <message>
        <source>这份申请已经登记为已批准。</source>
        <translation>This application is already recorded as approved.</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>登记建设补贴批复</source>
        <translation>Record construction-subsidy approval</translation>
    </message>
    <message>
        <source>批复日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>批准金额（元）</source>
        <translation>Amount approved (yuan)</translation>
    </message>
    <message>
        <source>留空：按获批床位的申请金额合计</source>
        <translation>Leave empty: total claimed for the approved beds</translation>
    </message>
    <message>
        <source>获批床位</source>
        <translation>Approved beds</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>能力评估 — {name}</source>
        <translation>Ability assessment — {name}</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>完成并保存</source>
        <translation>Complete and save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（待核对）</source>
        <translation> (to be verified)</translation>
    </message>
    <message>
        <source>评估标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>评估基准日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>评估原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>评估员1</source>
        <translation>Assessor 1</translation>
    </message>
    <message>
        <source>评估员2</source>
        <translation>Assessor 2</translation>
    </message>
    <message>
        <source>信息提供者</source>
        <translation>Informant</translation>
    </message>
    <message>
        <source>与老人关系</source>
        <translation>Relation to resident</translation>
    </message>
    <message>
        <source>昏迷（A.5.11）</source>
        <translation>Coma (A.5.11)</translation>
    </message>
    <message>
        <source>评估时处于昏迷状态</source>
        <translation>In a coma at the assessment</translation>
    </message>
    <message>
        <source>疾病诊断（A.4.1）</source>
        <translation>Diagnoses (A.4.1)</translation>
    </message>
    <message>
        <source>其他 ICD-10 编码，用逗号分隔，如 F03.1, I50</source>
        <translation>Other ICD-10 codes, comma-separated, e.g. F03.1, I50</translation>
    </message>
    <message>
        <source>F04–F99 由精神科专科医生诊断</source>
        <translation>F04–F99 diagnosed by a psychiatric specialist</translation>
    </message>
    <message>
        <source>近30天照护风险事件（A.2.14，已按事件记录预填）</source>
        <translation>Care-risk events in the last 30 days (A.2.14, filled in from the event log)</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic facts</translation>
    </message>
    <message>
        <source>评估结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>“{item}”还没有评分：按数字键选分（要先跳过，按 ↓）。</source>
        <translation>“{item}” has no score yet: press a number key to score it (to skip it for now, press ↓).</translation>
    </message>
    <message>
        <source>&#x3000;合计 {n}</source>
        <translation>   total {n}</translation>
    </message>
    <message>
        <source>还有 {n} 项未评：{items}。可先保存草稿，草稿不计入统计。</source>
        <translation>{n} items are not scored yet: {items}. You can save a draft; drafts count nowhere.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>初步等级</source>
        <translation>Initial grade</translation>
    </message>
    <message>
        <source>等级变更依据</source>
        <translation>Change basis</translation>
    </message>
    <message>
        <source>最终等级</source>
        <translation>Final grade</translation>
    </message>
    <message>
        <source>本标准的分级与组合表待核对，结果仅供参考。</source>
        <translation>This standard&apos;s bands and combination table are still to be verified; treat the result as provisional.</translation>
    </message>
</context>
<context>
    <name>AssessmentHistory</name>
    <message>
        <source>尚无评估记录。</source>
        <translation>No assessments yet.</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>total</translation>
    </message>
    <message>
        <source>草稿（不计入统计）</source>
        <translation>draft (counts nowhere)</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source>常规复评间隔</source>
        <translation>Routine reassessment every</translation>
    </message>
    <message>
        <source>新建评估</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>查看/继续</source>
        <translation>Open / continue</translation>
    </message>
    <message>
        <source>记录风险事件</source>
        <translation>Log a care-risk event</translation>
    </message>
    <message>
        <source>打印评估报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>导出全部等级</source>
        <translation>Export all grades</translation>
    </message>
    <message>
        <source>护理等级对照</source>
        <translation>Care levels</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>最近评估</source>
        <translation>Last assessed</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>护理等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <source>下次评估</source>
        <translation>Next due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>在住 {n} 人：未评估 {none}，已逾期 {over}，需即时评估 {now}，30天内到期 {soon}</source>
        <translation>{n} in residence: {none} never assessed, {over} overdue, {now} to reassess now, {soon} due within 30 days</translation>
    </message>
    <message>
        <source>选中一位老人查看评估记录与等级变化。</source>
        <translation>Select a resident to see assessments and the grade trend.</translation>
    </message>
    <message>
        <source>这位老人还没有已完成的评估。</source>
        <translation>This resident has no completed assessment yet.</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{err}</source>
        <translation>Cannot write the file {path}: {err}</translation>
    </message>
    <message>
        <source>能力评估报告 — {name}</source>
        <translation>Ability assessment report — {name}</translation>
    </message>
</context>
<context>
    <name>AuditKeyPanel</name>
    <message>
        <source>审计记录的每一条都用一把密钥签名，密钥保存在这台电脑上（不在数据文件里），所以即使有人拿到数据文件，也无法改写审计记录而不被发现。换电脑或在第二台电脑上使用同一个数据文件时，需要输入管理员保管的恢复码。</source>
        <translation>Every audit entry is signed with a key kept on this computer (not in the data file), so even someone who has the data file cannot rewrite the trail unnoticed. On a new computer, or a second computer using the same data file, enter the recovery code the administrator keeps.</translation>
    </message>
    <message>
        <source>输入恢复码…</source>
        <translation>Enter recovery code…</translation>
    </message>
    <message>
        <source>更换审计密钥…</source>
        <translation>Replace audit key…</translation>
    </message>
    <message>
        <source>只在密钥已经丢失（所有电脑上都没有、也没有人保存恢复码）时使用</source>
        <translation>Only when the key is lost (on no computer, and nobody kept the recovery code)</translation>
    </message>
    <message>
        <source>系统凭据管理器</source>
        <translation>the system credential store</translation>
    </message>
    <message>
        <source>本机用户配置文件夹中的密钥文件</source>
        <translation>a key file in this user&apos;s configuration folder</translation>
    </message>
    <message>
        <source>这台电脑保存着本数据文件的审计密钥（{where}），审计记录可以签名和核对。</source>
        <translation>This computer holds the data file&apos;s audit key ({where}): the trail can be signed and checked.</translation>
    </message>
    <message>
        <source>本数据文件还没有审计密钥；下一次保存时会自动生成，恢复码会显示给管理员。</source>
        <translation>This data file has no audit key yet; one is made at the next save and its recovery code is shown to the administrator.</translation>
    </message>
    <message>
        <source>这台电脑上没有本数据文件的审计密钥：可以查看和打印，但不能保存任何修改。请输入管理员保管的恢复码。</source>
        <translation>This computer does not have the data file&apos;s audit key: you can view and print, but nothing can be saved. Enter the recovery code the administrator keeps.</translation>
    </message>
    <message>
        <source>这台电脑上的审计密钥不是本数据文件当前使用的（密钥已在别的电脑上更换）：不能保存修改。请输入新的恢复码。</source>
        <translation>The audit key on this computer is not the one the data file uses now (it was replaced on another computer): nothing can be saved. Enter the new recovery code.</translation>
    </message>
    <message>
        <source>数据文件中的审计密钥记录不见了，审计记录可能被删除：不能保存修改。请运行检查并从备份恢复。</source>
        <translation>The data file&apos;s audit key record is gone; the trail may have been deleted: nothing can be saved. Run the check and restore from a backup.</translation>
    </message>
    <message>
        <source>审计密钥</source>
        <translation>Audit key</translation>
    </message>
    <message>
        <source>密钥已安装，这台电脑现在可以保存修改了。</source>
        <translation>The key is installed: this computer can save changes now.</translation>
    </message>
    <message>
        <source>更换审计密钥</source>
        <translation>Replace audit key</translation>
    </message>
    <message>
        <source>更换后，之前的审计记录将无法再用密钥核对（检查结果会注明）。只有在原来的密钥已经丢失、也没有人保存恢复码时才这样做。

确定要更换吗？</source>
        <translation>After replacing it, the earlier audit entries can no longer be checked with a key (the check will say so). Only do this when the old key is lost and nobody kept its recovery code.

Replace the key?</translation>
    </message>
    <message>
        <source>更换密钥</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>只有管理员可以查看审计记录。</source>
        <translation>Only administrators can view the audit trail.</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>核对签名链</source>
        <translation>Verify signature chain</translation>
    </message>
    <message>
        <source>重新计算全部审计记录的签名，检查是否有记录被改动或删除</source>
        <translation>Recalculate the signatures of all audit entries to check whether any entry was changed or deleted</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Record of</translation>
    </message>
    <message>
        <source>变更内容（原 → 新）</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message>
        <source>显示最近 {n} 条，向下滚动查看更早的记录</source>
        <translation>Showing the latest {n} entries; scroll down for older ones</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>签名链尚未核对。点“核对签名链”检查审计记录是否被改动或删除（记录多时需要几秒）。</source>
        <translation>Signature chain not verified yet. Click “Verify signature chain” to check whether audit entries were changed or deleted (this takes a few seconds when there are many).</translation>
    </message>
    <message>
        <source>签名链完整：已核对 {n} 条记录，与 {a} 个锚点（备份、已报送月报）一致，未发现改动或删除。</source>
        <translation>Signature chain intact: {n} entries checked, consistent with {a} anchors (backups, submitted returns); nothing changed or deleted.</translation>
    </message>
    <message>
        <source>共 {n} 条记录。</source>
        <translation>{n} entries.</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>签名链有问题：</source>
        <translation>Signature chain problems: </translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <source>无法写入 {path}：{err}</source>
        <translation>Cannot write {path}: {err}</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>网络版：“立即备份”把服务器数据库完整备份（pg_dump）到本机：{folder}。每天的自动备份请在服务器电脑上用计划任务运行 yiyang backup；恢复只能恢复到一个空的服务器数据库（yiyang restore），见使用说明“网络版”一节。</source>
        <translation>Network edition: “Back up now” copies the whole server database (pg_dump) to this computer: {folder}. Run the daily backup on the server PC as a scheduled “yiyang backup”; a backup is restored only into an empty server database (“yiyang restore”), see the network-edition section of the manual.</translation>
    </message>
    <message>
        <source>每天关闭程序时自动备份一次；保留最近 7 天、4 周和 12 个月的备份。备份保存在：{folder}</source>
        <translation>A backup is made automatically once a day when the program closes; the last 7 days, 4 weeks and 12 months are kept. Backups are saved in: {folder}</translation>
    </message>
    <message>
        <source>第二个备份文件夹（如U盘）：</source>
        <translation>Second backup folder (e.g. USB drive):</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>不使用</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>老人</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>从所选备份恢复…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>从其他文件恢复…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <source>恢复前自动保存</source>
        <translation>Saved before restore</translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>选择第二个备份文件夹（如U盘）</source>
        <translation>Choose a second backup folder (e.g. USB drive)</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>并复制到 {path}</source>
        <translation>Also copied to {path}</translation>
    </message>
    <message>
        <source>第二个备份文件夹</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <source>医养台账数据文件 (*.db);;所有文件 (*)</source>
        <translation>Yiyang Desktop data files (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>用这份备份替换当前的全部数据吗？

备份时间：{created}
老人 {r} 人，床位 {b} 张，评估 {a} 条
文件：{path}

当前数据会先自动备份（标为“恢复前自动保存”），需要时可以再恢复回来。</source>
        <translation>Replace all current data with this backup?

Backup time: {created}
{r} residents, {b} beds, {a} assessments
File: {path}

The current data is backed up first (marked “Saved before restore”), so you can restore it again if needed.</translation>
    </message>
    <message>
        <source>不能用这个文件恢复</source>
        <translation>Cannot restore from this file</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>已恢复到 {created} 的备份。恢复前的数据保存在 {path}</source>
        <translation>Restored the backup of {created}. The data from before the restore is saved in {path}</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>旧版备份</source>
        <translation>Older backup</translation>
    </message>
    <message>
        <source>这是另一家机构的备份</source>
        <translation>Another institution&apos;s backup</translation>
    </message>
    <message>
        <source>这份备份属于另一家机构“{other}”，不是当前数据文件“{current}”的备份。

继续恢复会用“{other}”的数据替换“{current}”的全部数据。除非确实要这样做，请选择“取消”。</source>
        <translation>This backup belongs to another institution, “{other}”, not to the open data file (“{current}”).

Restoring it replaces all of “{current}”’s data with “{other}”’s. Unless that is really what you want, choose “Cancel”.</translation>
    </message>
    <message>
        <source>仍然恢复“{other}”的数据</source>
        <translation>Restore “{other}”’s data anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>BedBoard</name>
    <message>
        <source>{room}室</source>
        <translation>Room {room}</translation>
    </message>
    <message>
        <source>住院</source>
        <translation>hospital</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>away</translation>
    </message>
    <message>
        <source>{n}床</source>
        <translation>Bed {n}</translation>
    </message>
</context>
<context>
    <name>BedDialog</name>
    <message>
        <source>修改床位信息</source>
        <translation>Edit bed</translation>
    </message>
    <message>
        <source>添加床位</source>
        <translation>Add bed</translation>
    </message>
    <message>
        <source>初始状态</source>
        <translation>Initial status</translation>
    </message>
    <message>
        <source>投入使用日期</source>
        <translation>Service start date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>BedFields</name>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>医疗床位子类型</source>
        <translation>Medical bed sub-type</translation>
    </message>
    <message>
        <source>床位来源</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>租赁到期日</source>
        <translation>Lease end date</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>如：1号楼（可不填）</source>
        <translation>e.g. Building 1 (optional)</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>如：2</source>
        <translation>e.g. 2</translation>
    </message>
    <message>
        <source>房间号</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed number</translation>
    </message>
</context>
<context>
    <name>BedPicker</name>
    <message>
        <source>（先选日期）</source>
        <translation>(choose a date first)</translation>
    </message>
    <message>
        <source>（请选择床位：{counts}）</source>
        <translation>(choose a bed: {counts})</translation>
    </message>
    <message>
        <source>（这一天没有空闲床位）</source>
        <translation>(no free bed on this day)</translation>
    </message>
    <message>
        <source>{label}（{type}{sub}）</source>
        <translation>{label} ({type}{sub})</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
</context>
<context>
    <name>BedsPage</name>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>查看日期</source>
        <translation>Date shown</translation>
    </message>
    <message>
        <source>添加床位</source>
        <translation>Add bed</translation>
    </message>
    <message>
        <source>添加房间</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>修改床位信息</source>
        <translation>Edit bed</translation>
    </message>
    <message>
        <source>变更床位类型</source>
        <translation>Change bed type</translation>
    </message>
    <message>
        <source>设置状态</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&lt;b&gt;床位 {total} 张&lt;/b&gt;（{by_type}）&#x3000;在住 &lt;b&gt;{occ}&lt;/b&gt;&#x3000;空闲 {free}&#x3000;预留 {res}&#x3000;维修 {rep}&#x3000;入住率 &lt;b&gt;{rate}&lt;/b&gt;&#x3000;护理型床位占比 &lt;b&gt;{share}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{total} beds&lt;/b&gt; ({by_type})   occupied &lt;b&gt;{occ}&lt;/b&gt;   free {free}   reserved {res}   under repair {rep}   occupancy &lt;b&gt;{rate}&lt;/b&gt;   nursing-care share &lt;b&gt;{share}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>全部楼层</source>
        <translation>All floors</translation>
    </message>
    <message>
        <source>删除床位</source>
        <translation>Delete bed</translation>
    </message>
    <message>
        <source>确定删除床位 {label}？</source>
        <translation>Delete bed {label}?</translation>
    </message>
</context>
<context>
    <name>CareEventDialog</name>
    <message>
        <source>记录照护风险事件</source>
        <translation>Log a care-risk event</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
</context>
<context>
    <name>CareLevelsDialog</name>
    <message>
        <source>护理等级对照</source>
        <translation>Care levels</translation>
    </message>
    <message>
        <source>为每个评估标准的最终等级指定本机构的护理等级（如 自理/介助/介护/特护）：</source>
        <translation>Give each final grade of each standard the care level this institution uses (e.g. self-care / assisted / nursing / special care):</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>管理员为您设置了临时密码，请先改成只有您知道的密码。</source>
        <translation>An administrator has set a temporary password for you. Please change it to one only you know.</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>编辑体检记录 — {name}</source>
        <translation>Edit health check — {name}</translation>
    </message>
    <message>
        <source>登记体检 — {name}</source>
        <translation>Record health check — {name}</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>体检机构</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>合作医疗机构</source>
        <translation>Partner institution</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>体检医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>主要发现</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>健康指导建议</source>
        <translation>Health advice</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Result given on</translation>
    </message>
    <message>
        <source>告知对象</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>告知说明</source>
        <translation>Note on giving the result</translation>
    </message>
    <message>
        <source>如：电话告知女儿，已解释用药调整</source>
        <translation>e.g. told the daughter by phone, explained the change of medicine</translation>
    </message>
    <message>
        <source>体检结果和健康指导建议应在体检后1个月内告知老人或家属；告知后填写告知日期。</source>
        <translation>The result and the advice must be given to the resident or the family within one month of the check; enter the date once they are.</translation>
    </message>
    <message>
        <source>体检报告扫描件</source>
        <translation>Scanned report</translation>
    </message>
    <message>
        <source>内设医疗机构的名称，如：本中心医务室</source>
        <translation>Name of the internal clinic, e.g. our clinic</translation>
    </message>
    <message>
        <source>做体检的机构</source>
        <translation>Who did the check</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>此功能尚在开发中，将在后续版本中提供。</source>
        <translation>This feature is under development and will come in a later version.</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>创建管理员账号</source>
        <translation>Create administrator account</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>这个数据文件还没有用户账号。请先创建管理员账号：管理员可以添加其他用户、分配角色和重设密码。密码至少{n}位，请牢记。</source>
        <translation>This data file has no user accounts yet. Create the administrator first: the administrator can add other users, assign roles and reset passwords. The password needs at least {n} characters; keep it safe.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>办理出院</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>出院日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>出院原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>出院后床位即空出，未结束的外出一并结束。老人以后回来，可再“办理入住”。</source>
        <translation>The bed is free from the discharge date and any open leave ends too. If the resident comes back later, use &quot;Admit&quot; again.</translation>
    </message>
</context>
<context>
    <name>EndLeaveDialog</name>
    <message>
        <source>销假（返回）</source>
        <translation>End leave (returned)</translation>
    </message>
    <message>
        <source>{name} {kind}：{start} 起，去向 {dest}</source>
        <translation>{name}, {kind} since {start}, at {dest}</translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation>Date of return</translation>
    </message>
</context>
<context>
    <name>EnterCodeDialog</name>
    <message>
        <source>输入恢复码</source>
        <translation>Enter recovery code</translation>
    </message>
    <message>
        <source>请输入管理员在生成审计密钥时抄下的恢复码（14 组，每组 4 个字母或数字；空格和短横线可以不输）。</source>
        <translation>Enter the recovery code the administrator wrote down when the audit key was made (14 groups of 4 letters or digits; spaces and dashes may be left out).</translation>
    </message>
    <message>
        <source>安装密钥</source>
        <translation>Install key</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EquipmentEditor</name>
    <message>
        <source>设备名称</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>{app}：意外错误</source>
        <translation>{app}: unexpected error</translation>
    </message>
    <message>
        <source>程序遇到了一个意外错误，刚才的操作可能没有完成。之前已保存的数据不受影响，可以继续使用；如果问题反复出现，请把详情发给技术支持。</source>
        <translation>The program hit an unexpected error and the last action may not have finished. Data saved before is not affected and you can keep working; if the problem keeps coming back, send the details to technical support.</translation>
    </message>
    <message>
        <source>（日志文件不可用）</source>
        <translation>(log file not available)</translation>
    </message>
    <message>
        <source>详细记录已写入日志文件：{path}</source>
        <translation>Full details were written to the log file: {path}</translation>
    </message>
    <message>
        <source>显示详情</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>隐藏详情</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>FeesEditor</name>
    <message>
        <source>收费项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>付费方</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>计费方式</source>
        <translation>Charged</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HealthButtons</name>
    <message>
        <source>健康档案…</source>
        <translation>Health file…</translation>
    </message>
    <message>
        <source>登记体检…</source>
        <translation>Record check…</translation>
    </message>
    <message>
        <source>长护险等级…</source>
        <translation>LTC level…</translation>
    </message>
</context>
<context>
    <name>HealthFileDialog</name>
    <message>
        <source>健康档案 — {name}</source>
        <translation>Health file — {name}</translation>
    </message>
    <message>
        <source>健康档案</source>
        <translation>Health file</translation>
    </message>
    <message>
        <source>保存后生成一个新版本，以前的版本保留在历史中。</source>
        <translation>Saving makes a new version; earlier versions stay in the history.</translation>
    </message>
    <message>
        <source>记录日期</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>既往史</source>
        <translation>Past illnesses</translation>
    </message>
    <message>
        <source>慢性病</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>禁忌药物</source>
        <translation>Contraindicated drugs</translation>
    </message>
    <message>
        <source>饮食禁忌</source>
        <translation>Diet restrictions</translation>
    </message>
    <message>
        <source>家庭医生</source>
        <translation>Family doctor</translation>
    </message>
    <message>
        <source>签约的家庭医生或团队</source>
        <translation>Contracted family doctor or team</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>Contracted since</translation>
    </message>
    <message>
        <source>签约医疗机构</source>
        <translation>Attending partner institution</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>体检到期</source>
        <translation>Checks due</translation>
    </message>
    <message>
        <source>告知逾期</source>
        <translation>Results overdue</translation>
    </message>
    <message>
        <source>体检记录</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>长护险等级</source>
        <translation>LTC levels</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>上次体检</source>
        <translation>Last check</translation>
    </message>
    <message>
        <source>无记录</source>
        <translation>None recorded</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due since</translation>
    </message>
    <message>
        <source>年满65周岁即到期</source>
        <translation>Due from the 65th birthday</translation>
    </message>
    <message>
        <source>登记体检…</source>
        <translation>Record check…</translation>
    </message>
    <message>
        <source>年满65周岁、12个月内没有体检的在住老人。</source>
        <translation>Residents aged 65 or over with no check in the last 12 months.</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>应告知日期</source>
        <translation>Result due by</translation>
    </message>
    <message>
        <source>体检后天数</source>
        <translation>Days since the check</translation>
    </message>
    <message>
        <source>登记告知…</source>
        <translation>Record result given…</translation>
    </message>
    <message>
        <source>体检后超过1个月还没有把结果和健康指导建议告知老人或家属。</source>
        <translation>More than a month after the check, the result and advice have not been given to the resident or the family.</translation>
    </message>
    <message>
        <source>体检机构</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>主要发现</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Result given on</translation>
    </message>
    <message>
        <source>告知情况</source>
        <translation>Result given</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>添加报告…</source>
        <translation>Add report…</translation>
    </message>
    <message>
        <source>查看报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>所选年份的全部体检记录。</source>
        <translation>All checks of the chosen year.</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>登记新等级…</source>
        <translation>Register new level…</translation>
    </message>
    <message>
        <source>60天内到期（尚未登记新等级）和已没有有效等级的参保老人。</source>
        <translation>Insured residents whose level ends within 60 days (no new level registered yet) or who have no valid level.</translation>
    </message>
    <message>
        <source>健康管理</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>还剩 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>未登记等级</source>
        <translation>No level registered</translation>
    </message>
    <message>
        <source>{d}：体检到期 {a} 人，体检结果告知逾期 {b} 人次，长护险等级需处理 {c} 人。</source>
        <translation>{d}: {a} residents due for a check, {b} results overdue, {c} LTC levels to attend to.</translation>
    </message>
    <message>
        <source>请先选中{what}。</source>
        <translation>Please select {what} first.</translation>
    </message>
    <message>
        <source>一位老人</source>
        <translation>a resident</translation>
    </message>
    <message>
        <source>一条体检记录</source>
        <translation>a check</translation>
    </message>
    <message>
        <source>删除体检记录</source>
        <translation>Delete check</translation>
    </message>
    <message>
        <source>确定删除 {name} {d} 的体检记录（连同报告扫描件）？</source>
        <translation>Delete the check of {name} on {d} (with its scanned reports)?</translation>
    </message>
    <message>
        <source>选择体检报告扫描件</source>
        <translation>Choose the scanned report</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>这次体检还没有添加报告扫描件。</source>
        <translation>No scanned report has been added to this check yet.</translation>
    </message>
    <message>
        <source>找不到报告文件：{path}
文件可能被移动或删除，请重新添加。</source>
        <translation>The report file is missing: {path}
It may have been moved or deleted; please add it again.</translation>
    </message>
    <message>
        <source>报告文件在添加后被改动过（校验值不一致），内容可能已不是原件。仍要打开吗？</source>
        <translation>The report file was changed after it was added (the checksum differs); it may no longer be the original. Open it anyway?</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>已锁定 — {user}</source>
        <translation>Locked — {user}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>从Excel导入台账</source>
        <translation>Import records from Excel</translation>
    </message>
    <message>
        <source>按导入模板填写床位、入住老人、人员、合作医疗机构和历史评估后导入。程序先检查每一行，全部无误才导入；只要有一处问题，就一条也不导入。再次导入同一文件不会重复登记。</source>
        <translation>Fill in beds, residents, staff, partner medical institutions and past assessments in the import template, then import it. Every row is checked first, and the data are imported only if all rows are correct: a single problem means nothing is imported. Importing the same file again creates no duplicates.</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>保存导入模板…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <source>请选择一个按模板填写的 Excel 文件（.xlsx）。</source>
        <translation>Choose an Excel file (.xlsx) filled in from the template.</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <source>无法保存模板：{err}</source>
        <translation>Cannot save the template: {err}</translation>
    </message>
    <message>
        <source>模板已保存到 {path}。填写后在这里选择该文件导入。</source>
        <translation>Template saved to {path}. Fill it in, then choose that file here to import it.</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已取消，没有导入任何数据。</source>
        <translation>Cancelled; no data was imported.</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>正在逐行检查…</source>
        <translation>Checking each row…</translation>
    </message>
    <message>
        <source>正在导入（全部成功才保存）…</source>
        <translation>Importing (saved only if everything succeeds)…</translation>
    </message>
    <message>
        <source>发现 {n} 个问题（见下表），没有导入任何数据。请在 Excel 中改正后重新检查。</source>
        <translation>Found {n} problems (see the table below); nothing was imported. Correct them in Excel and check again.</translation>
    </message>
    <message>
        <source>导入完成。新增：{added}。</source>
        <translation>Import complete. Added: {added}.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>检查通过，可以导入。将新增：{added}。</source>
        <translation>Check passed; ready to import. Will add: {added}.</translation>
    </message>
    <message>
        <source>检查通过，但没有需要新增的记录。</source>
        <translation>Check passed, but there are no new records to add.</translation>
    </message>
    <message>
        <source>已存在、跳过：{skipped}。</source>
        <translation> Already present, skipped: {skipped}.</translation>
    </message>
    <message>
        <source>{sheet} {n} 条</source>
        <translation>{sheet}: {n}</translation>
    </message>
</context>
<context>
    <name>IndicationsDialog</name>
    <message>
        <source>转诊指征设置</source>
        <translation>Referral indications…</translation>
    </message>
    <message>
        <source>登记转诊时可勾选的指征（每行一条）。政策要求“严格按照出入院标准和双向转诊指征”转诊。</source>
        <translation>Indications offered when logging a referral (one per line). Policy requires referrals to follow admission criteria and referral indications.</translation>
    </message>
    <message>
        <source>上转指征</source>
        <translation>Up-referral indications</translation>
    </message>
    <message>
        <source>下转/回转指征</source>
        <translation>Down-referral indications</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>数据文件 {path} 已经在另一个医养台账窗口中打开（{where}）。
同一个数据文件同时只能由一个窗口使用，以免互相覆盖。请切换到已打开的窗口；如果找不到它，请稍等片刻再试，或重新启动电脑。</source>
        <translation>The data file {path} is already open in another Yiyang window ({where}).
Only one window at a time may use a data file, so that they do not overwrite each other. Switch to the open window; if you cannot find it, wait a moment and try again, or restart the computer.</translation>
    </message>
    <message>
        <source>进程 {pid}，电脑 {host}</source>
        <translation>process {pid}, computer {host}</translation>
    </message>
    <message>
        <source>另一个程序</source>
        <translation>another program</translation>
    </message>
    <message>
        <source>无法在 {folder} 中创建锁文件：文件夹是只读的或没有写入权限。请把数据文件放到可以写入的文件夹。</source>
        <translation>Cannot create the lock file in {folder}: the folder is read-only or not writable. Put the data file in a folder you can write to.</translation>
    </message>
    <message>
        <source>无法锁定数据文件 {path}，请稍后再试。</source>
        <translation>Cannot lock the data file {path}. Please try again later.</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <source>机构信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Administrative division</translation>
    </message>
    <message>
        <source>如：湖南省怀化市鹤城区</source>
        <translation>e.g. Hecheng District, Huaihua, Hunan</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>登记与许可</source>
        <translation>Registration and licences</translation>
    </message>
    <message>
        <source>举办性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>营利性质</source>
        <translation>Profit status</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Institution kind</translation>
    </message>
    <message>
        <source>养老机构备案/设立许可编号</source>
        <translation>Elderly-care filing / licence number</translation>
    </message>
    <message>
        <source>正式运营日期</source>
        <translation>Formal operation start date</translation>
    </message>
    <message>
        <source>建筑面积（平方米）</source>
        <translation>Building area (m²)</translation>
    </message>
    <message>
        <source>内设医疗机构</source>
        <translation>Internal medical facility</translation>
    </message>
    <message>
        <source>医疗机构执业许可证号</source>
        <translation>Practice licence number</translation>
    </message>
    <message>
        <source>执业许可证发证日期</source>
        <translation>Practice licence issue date</translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>与登记证书一致的全称</source>
        <translation>Full name as on the registration certificate</translation>
    </message>
    <message>
        <source>18位，见登记证书或营业执照</source>
        <translation>18 characters, see the registration certificate or business licence</translation>
    </message>
    <message>
        <source>6、9或12位数字，如 431202</source>
        <translation>6, 9 or 12 digits, e.g. 431202</translation>
    </message>
    <message>
        <source>邮政编码</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>如：中国农业银行怀化鹤城支行</source>
        <translation>e.g. Agricultural Bank of China, Hecheng Branch</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>法人登记证书号</source>
        <translation>Legal-person registration no.</translation>
    </message>
    <message>
        <source>民办非企业单位/事业单位法人登记证书编号</source>
        <translation>Registration certificate no. of the private non-enterprise unit / public institution</translation>
    </message>
    <message>
        <source>设立时间</source>
        <translation>Date established</translation>
    </message>
    <message>
        <source>核准床位数</source>
        <translation>Approved beds</translation>
    </message>
    <message>
        <source>如 6800</source>
        <translation>e.g. 6800</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>有内设医疗机构时必填</source>
        <translation>Required when there is an internal medical facility</translation>
    </message>
    <message>
        <source>选择内设医疗机构后才能填写执业许可证。</source>
        <translation>Choose an internal medical facility first to enter its practice licence.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>放弃未保存的修改，恢复为上次保存的内容</source>
        <translation>Discard unsaved changes and go back to what was last saved</translation>
    </message>
    <message>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>放弃未保存的修改，恢复为上次保存的内容吗？</source>
        <translation>Discard the unsaved changes and go back to what was last saved?</translation>
    </message>
    <message>
        <source>已恢复为上次保存的内容</source>
        <translation>Restored to what was last saved</translation>
    </message>
    <message>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>未保存：有 {n} 处需要修改（{fields}），见红字说明。</source>
        <translation>Not saved: {n} fields need correcting ({fields}); see the red notes.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>资料完整度 {done}/{total}</source>
        <translation>Profile completeness {done}/{total}</translation>
    </message>
    <message>
        <source>申报材料还需要：</source>
        <translation>Applications will still need: </translation>
    </message>
    <message>
        <source>点击名称跳到该项填写</source>
        <translation>Click a name to go to that field</translation>
    </message>
    <message>
        <source>申报所需的机构资料已填写完整。</source>
        <translation>Everything applications need from the profile is filled in.</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>InsuranceAnswersDialog</name>
    <message>
        <source>医保定点：确认事项</source>
        <translation>Medical-insurance designation: confirmations</translation>
    </message>
    <message>
        <source>已建立的制度</source>
        <translation>Rules in place</translation>
    </message>
    <message>
        <source>信息系统</source>
        <translation>Information system</translation>
    </message>
    <message>
        <source>医保管理部门</source>
        <translation>Medical-insurance department</translation>
    </message>
    <message>
        <source>已设立医保管理部门并配备专职人员（100张床位以上须设）</source>
        <translation>A medical-insurance department with full-time staff has been set up (required above 100 beds)</translation>
    </message>
    <message>
        <source>部门名称</source>
        <translation>Department name</translation>
    </message>
    <message>
        <source>医保管理人员</source>
        <translation>Medical-insurance staff</translation>
    </message>
    <message>
        <source>主要负责人负责医保工作，已配备专（兼）职医保管理人员</source>
        <translation>The head of the institution is responsible for medical insurance, with full- or part-time medical-insurance staff</translation>
    </message>
    <message>
        <source>管理人员姓名</source>
        <translation>Staff names</translation>
    </message>
    <message>
        <source>固定资产（万元）</source>
        <translation>Fixed assets (10,000 yuan)</translation>
    </message>
    <message>
        <source>年业务收入（万元）</source>
        <translation>Annual revenue (10,000 yuan)</translation>
    </message>
    <message>
        <source>年门诊人次</source>
        <translation>Outpatient visits per year</translation>
    </message>
    <message>
        <source>年住院人次</source>
        <translation>Inpatient admissions per year</translation>
    </message>
    <message>
        <source>大型医疗设备</source>
        <translation>Major medical equipment</translation>
    </message>
    <message>
        <source>机构简介</source>
        <translation>Institution summary</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>请假/住院</source>
        <translation>Leave / hospital stay</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>离开日期</source>
        <translation>Date of leaving</translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>还不知道哪天回来可以不填返回日期，回来那天点“销假”。外出期间床位仍为这位老人保留。</source>
        <translation>If the return date is not known yet, leave it empty and click &quot;End leave&quot; on the day of return. The bed stays reserved for the resident meanwhile.</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>如：县人民医院、子女家</source>
        <translation>e.g. county hospital, child&apos;s home</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>LeavingDialog</name>
    <message>
        <source>办理离职</source>
        <translation>Record leaving</translation>
    </message>
    <message>
        <source>{name}（{role}），{start} 入职</source>
        <translation>{name} ({role}), joined {start}</translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>从离职日期当天起，此人不再计入在职人数；记录会保留，可勾选“显示已离职”查看。</source>
        <translation>From the leaving date on, this person is no longer counted as in post; the record is kept and can be seen with “Show former staff”.</translation>
    </message>
    <message>
        <source>确认离职</source>
        <translation>Confirm leaving</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>修改长护险等级 — {name}</source>
        <translation>Edit LTC level — {name}</translation>
    </message>
    <message>
        <source>登记长护险等级 — {name}</source>
        <translation>Register LTC level — {name}</translation>
    </message>
    <message>
        <source>参保地</source>
        <translation>Insured in</translation>
    </message>
    <message>
        <source>如：湖南省怀化市鹤城区</source>
        <translation>e.g. Hecheng District, Huaihua, Hunan</translation>
    </message>
    <message>
        <source>长护险等级</source>
        <translation>LTC level</translation>
    </message>
    <message>
        <source>与待遇决定书一致，如：重度失能Ⅱ级</source>
        <translation>As on the benefit decision, e.g. 重度失能Ⅱ级</translation>
    </message>
    <message>
        <source>待遇决定书编号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>等级变更时登记新等级：原等级在新等级生效前一天结束，记录保留。登记后老人档案标为已参加长护险。</source>
        <translation>When the level changes, register the new one: the old level ends the day before and stays in the history. Registering marks the resident as LTC-insured.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录医养台账</source>
        <translation>Log in to Yiyang Desktop</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>演示账号 admin / 密码 demo</source>
        <translation>Demo account admin / password demo</translation>
    </message>
    <message>
        <source>请填写用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>需要先修改密码才能继续使用。</source>
        <translation>You must change your password before you can continue.</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>LtcTab</name>
    <message>
        <source>预览 PDF…</source>
        <translation>Preview PDF…</translation>
    </message>
    <message>
        <source>保存 Excel 和 PDF…</source>
        <translation>Save Excel and PDF…</translation>
    </message>
    <message>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>在住天数</source>
        <translation>Days in residence</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Hospital days</translation>
    </message>
    <message>
        <source>护理天数</source>
        <translation>Care days</translation>
    </message>
    <message>
        <source>每床日标准（元）</source>
        <translation>Per bed-day (yuan)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>基金支付（元）</source>
        <translation>Fund pays (yuan)</translation>
    </message>
    <message>
        <source>个人负担（元）</source>
        <translation>Resident pays (yuan)</translation>
    </message>
    <message>
        <source>未列入原因</source>
        <translation>Not listed because</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>未列入清单的老人</source>
        <translation>Residents not on the list</translation>
    </message>
    <message>
        <source>（无长护险标准）</source>
        <translation> (no LTC rules)</translation>
    </message>
    <message>
        <source>{m}：列入 {n} 人次，护理 {d} 天；金额 {a} 元，基金支付 {f} 元，个人负担 {s} 元（* 为达到每月最高支付）。未列入 {x} 人。</source>
        <translation>{m}: {n} rows, {d} care days; amount {a} yuan, fund pays {f} yuan, residents pay {s} yuan (* reached the monthly cap). {x} not listed.</translation>
    </message>
    <message>
        <source>{m}：列入 {n} 人次，金额未计算。未列入 {x} 人。</source>
        <translation>{m}: {n} rows, amounts not computed. {x} not listed.</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>长护险清单 {m}</source>
        <translation>LTC list {m}</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>保存长护险清单</source>
        <translation>Save LTC list</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>机构信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>入住老人</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>能力评估</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>健康管理</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>医疗合作</source>
        <translation>Medical partners</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly returns</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>演示数据：这里的机构和老人都是虚构的，与正式数据分开保存。</source>
        <translation>Demo data: this institution and its residents are fictitious and kept apart from real data.</translation>
    </message>
    <message>
        <source>网络版 · 服务器数据库 {where}</source>
        <translation>Network edition · server database {where}</translation>
    </message>
    <message>
        <source>{user}（{role}）</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>数据已从备份恢复。请用备份中的账号重新登录。</source>
        <translation>The data was restored from a backup. Please log in again with an account from that backup.</translation>
    </message>
    <message>
        <source>（演示）</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <source>（网络版 {where}）</source>
        <translation> (network edition {where})</translation>
    </message>
    <message>
        <source>机构信息未保存</source>
        <translation>Institution not saved</translation>
    </message>
    <message>
        <source>机构信息有未保存的修改，要先保存吗？</source>
        <translation>The institution profile has unsaved changes. Save them first?</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>换床</source>
        <translation>Move bed</translation>
    </message>
    <message>
        <source>换床日期</source>
        <translation>Date of move</translation>
    </message>
    <message>
        <source>从换床日期起住新床位，原床位同日空出。只列出从这一天起空闲的床位。</source>
        <translation>From the move date the resident is in the new bed and the old bed is free. Only beds free from that day are listed.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>在住老人</source>
        <translation>Residents in house</translation>
    </message>
    <message>
        <source>入住率</source>
        <translation>Occupancy rate</translation>
    </message>
    <message>
        <source>床位总数</source>
        <translation>Beds in total</translation>
    </message>
    <message>
        <source>护理型床位占比</source>
        <translation>Nursing-care bed share</translation>
    </message>
    <message>
        <source>住院中</source>
        <translation>In hospital</translation>
    </message>
    <message>
        <source>进行中的转诊</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>合作协议即将到期</source>
        <translation>Agreements expiring soon</translation>
    </message>
    <message>
        <source>下一项申报</source>
        <translation>Next application</translation>
    </message>
    <message>
        <source>年度体检到期</source>
        <translation>Yearly checks due</translation>
    </message>
    <message>
        <source>体检结果告知逾期</source>
        <translation>Check results overdue</translation>
    </message>
    <message>
        <source>长护险等级到期</source>
        <translation>LTC levels ending</translation>
    </message>
    <message>
        <source>近12个月（月末）</source>
        <translation>Last 12 months (month end)</translation>
    </message>
    <message>
        <source>在住老人能力等级</source>
        <translation>Residents by grade</translation>
    </message>
    <message>
        <source>当前政策配置没有目标</source>
        <translation>The current policy profile sets no target</translation>
    </message>
    <message>
        <source>已达标</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Target not met</translation>
    </message>
    <message>
        <source>目标 {t}（{profile}）：{gap}</source>
        <translation>Target {t} ({profile}): {gap}</translation>
    </message>
    <message>
        <source>已逾期 {o}，需即时评估 {i}，未评估 {n}；30天内到期 {s}</source>
        <translation>{o} overdue, {i} to reassess now, {n} not assessed; {s} due within 30 days</translation>
    </message>
    <message>
        <source>床位保留，按外出计</source>
        <translation>Bed kept, counted as away</translation>
    </message>
    <message>
        <source>{partner} {date}到期</source>
        <translation>{partner} expires {date}</translation>
    </message>
    <message>
        <source>年满65周岁、12个月内没有体检</source>
        <translation>Aged 65+, no check in 12 months</translation>
    </message>
    <message>
        <source>体检后超过1个月未告知结果</source>
        <translation>Result not given within a month of the check</translation>
    </message>
    <message>
        <source>60天内到期 {a} 人，其中30天内 {b} 人；已无有效等级 {c} 人</source>
        <translation>{a} end within 60 days, {b} of them within 30; {c} without a valid level</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>在职人员</source>
        <translation>Staff in post</translation>
    </message>
    <message>
        <source>能力评估待办</source>
        <translation>Assessments to do</translation>
    </message>
    <message>
        <source>{name} · {date}</source>
        <translation>{name} · {date}</translation>
    </message>
    <message>
        <source>（未填写机构名称）</source>
        <translation>(institution name not filled in)</translation>
    </message>
    <message>
        <source>外出/住院 {n} 人</source>
        <translation>{n} away / in hospital</translation>
    </message>
</context>
<context>
    <name>PartnerContacts</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>科室/职务</source>
        <translation>Department / post</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>编辑医疗机构</source>
        <translation>Edit medical institution</translation>
    </message>
    <message>
        <source>新增医疗机构</source>
        <translation>New medical institution</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>与医疗机构执业许可证一致</source>
        <translation>As on the medical practice licence</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>可不填；填写时核对校验位</source>
        <translation>Optional; the check digit is verified</translation>
    </message>
    <message>
        <source>机构类别</source>
        <translation>Type of institution</translation>
    </message>
    <message>
        <source>医院等级</source>
        <translation>Hospital level</translation>
    </message>
    <message>
        <source>医保定点</source>
        <translation>Insurance-designated</translation>
    </message>
    <message>
        <source>是医保定点医疗机构</source>
        <translation>Designated by medical insurance</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>总机/值班电话</source>
        <translation>Switchboard / duty phone</translation>
    </message>
    <message>
        <source>距离（公里）</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>如 4.5</source>
        <translation>e.g. 4.5</translation>
    </message>
    <message>
        <source>车程</source>
        <translation>Travel time</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>医疗合作</source>
        <translation>Medical cooperation</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>合作协议</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>巡诊记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>新增机构</source>
        <translation>New institution</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>为其新增协议</source>
        <translation>New agreement with it</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>医保定点</source>
        <translation>Insurance-designated</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>协议状态</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>未签协议</source>
        <translation>No agreement</translation>
    </message>
    <message>
        <source>距离/车程</source>
        <translation>Distance / travel</translation>
    </message>
    <message>
        <source>协议数</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>新增协议</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>续签</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>添加扫描件</source>
        <translation>Add scan</translation>
    </message>
    <message>
        <source>到期前提醒</source>
        <translation>Warn before expiry</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>扫描件</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>合作服务</source>
        <translation>Agreed services</translation>
    </message>
    <message>
        <source>登记巡诊</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <source>全部机构</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>巡诊老人</source>
        <translation>Residents seen</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>巡诊次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>巡诊人次</source>
        <translation>Residents seen</translation>
    </message>
    <message>
        <source>{km} 公里</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>（还有 {n} 天）</source>
        <translation> ({n} days left)</translation>
    </message>
    <message>
        <source>，已续签</source>
        <translation>, renewed</translation>
    </message>
    <message>
        <source>目前没有生效的合作协议。政策要求养老机构与医疗机构签约合作，请先“新增机构”，再“新增协议”。</source>
        <translation>No agreement is in force. Policy requires a care home to sign with a medical institution: first “New institution”, then “New agreement”.</translation>
    </message>
    <message>
        <source>{date} 生效协议 {n} 份，签约医疗机构：{names}。近30天巡诊 {v} 次（协议约定约 {a} 次）。</source>
        <translation>{date}: {n} agreements in force with {names}. {v} visits in the last 30 days (about {a} agreed).</translation>
    </message>
    <message>
        <source>生效协议中没有约定“双向转诊”。</source>
        <translation>No agreement in force includes two-way referral.</translation>
    </message>
    <message>
        <source>{low}张及以上</source>
        <translation>{low} beds or more</translation>
    </message>
    <message>
        <source>不足{high}张</source>
        <translation>under {high} beds</translation>
    </message>
    <message>
        <source>{low}张至不足{high}张</source>
        <translation>{low} to under {high} beds</translation>
    </message>
    <message>
        <source>按“{profile}”，本机构{beds}张床位属于{band}一档：{req}</source>
        <translation>Under “{profile}”, this institution&apos;s {beds} beds fall in the “{band}” band: {req}</translation>
    </message>
    <message>
        <source>当前政策配置“{profile}”没有按床位数规定医疗能力要求（可在“申报 → 政策配置”中选择，如湛江、鹤城区）。</source>
        <translation>The current policy profile “{profile}” sets no medical-capacity requirements by number of beds (choose another under “Applications → Policy profiles”, e.g. Zhanjiang or Hecheng District).</translation>
    </message>
    <message>
        <source>选中一家医疗机构查看联系人与协议。</source>
        <translation>Select an institution to see its contacts and agreements.</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>None recorded</translation>
    </message>
    <message>
        <source>选中一份协议查看服务、费用、责任和扫描件。</source>
        <translation>Select an agreement to see its services, fees, duties and scans.</translation>
    </message>
    <message>
        <source>签订 {s}，有效期 {a} 至 {b}</source>
        <translation>Signed {s}, valid {a} to {b}</translation>
    </message>
    <message>
        <source>{d} 终止：{r}</source>
        <translation>Terminated on {d}: {r}</translation>
    </message>
    <message>
        <source>{f}{n}次</source>
        <translation>{f}, {n} times</translation>
    </message>
    <message>
        <source>{m}分钟内响应</source>
        <translation>response within {m} min</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>养老机构责任</source>
        <translation>Duties of the care home</translation>
    </message>
    <message>
        <source>医疗机构责任</source>
        <translation>Duties of the medical institution</translation>
    </message>
    <message>
        <source>协议扫描件</source>
        <translation>Signed scans</translation>
    </message>
    <message>
        <source>尚未添加，可点“添加扫描件”。</source>
        <translation>None yet; click “Add scan”.</translation>
    </message>
    <message>
        <source>删除医疗机构</source>
        <translation>Delete medical institution</translation>
    </message>
    <message>
        <source>确定删除“{name}”？</source>
        <translation>Delete “{name}”?</translation>
    </message>
    <message>
        <source>选择协议扫描件</source>
        <translation>Choose the signed scan</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>打开扫描件</source>
        <translation>Open scan</translation>
    </message>
    <message>
        <source>找不到扫描件文件：{path}
文件可能被移动或删除，请重新添加。</source>
        <translation>Scan file not found: {path}
It may have been moved or deleted; please add it again.</translation>
    </message>
    <message>
        <source>扫描件文件在添加后被改动过（校验值不一致），内容可能已不是签署的原件。仍要打开吗？</source>
        <translation>The scan file was changed after it was added (its checksum differs), so it may no longer be the signed original. Open it anyway?</translation>
    </message>
    <message>
        <source>删除巡诊记录</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <source>确定删除 {d} 的巡诊记录？</source>
        <translation>Delete the visit of {d}?</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>保存文件后，PDF 在这里预览。</source>
        <translation>The PDF preview appears here after the files are saved.</translation>
    </message>
    <message>
        <source>/ 共 {n} 页</source>
        <translation>/ {n}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>已保存到：{path}</source>
        <translation>Saved to: {path}</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>无法写入 {path}：{err}</source>
        <translation>Cannot write {path}: {err}</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>政策配置</source>
        <translation>Policy profiles</translation>
    </message>
    <message>
        <source>补贴标准、条件和床位比例目标按地区的政策文件配置。程序自带的配置不能修改：当地标准不同时，先“复制”，再修改复制出的配置并设为当前。</source>
        <translation>Subsidy rates, conditions and bed-share targets are set from each region&apos;s policy documents. Built-in profiles cannot be changed: if your local rates differ, first “Copy”, then edit the copy and make it current.</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>设为当前</source>
        <translation>Make current</translation>
    </message>
    <message>
        <source>复制…</source>
        <translation>Copy…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>从文件导入…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>程序自带</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>本机构</source>
        <translation>This institution</translation>
    </message>
    <message>
        <source>复制政策配置</source>
        <translation>Copy policy profile</translation>
    </message>
    <message>
        <source>新配置的编号（小写字母、数字和连字符，例如 my-city-2026）：</source>
        <translation>ID of the new profile (lowercase letters, digits and hyphens, e.g. my-city-2026):</translation>
    </message>
    <message>
        <source>新配置的名称：</source>
        <translation>Name of the new profile:</translation>
    </message>
    <message>
        <source>{title}（本机构修改）</source>
        <translation>{title} (edited here)</translation>
    </message>
    <message>
        <source>程序自带的配置不能修改，请先“复制”。</source>
        <translation>Built-in profiles cannot be changed; “Copy” one first.</translation>
    </message>
    <message>
        <source>删除政策配置</source>
        <translation>Delete policy profile</translation>
    </message>
    <message>
        <source>删除“{title}”？</source>
        <translation>Delete “{title}”?</translation>
    </message>
    <message>
        <source>导入政策配置</source>
        <translation>Import policy profile</translation>
    </message>
    <message>
        <source>政策配置 (*.toml *.json)</source>
        <translation>Policy profiles (*.toml *.json)</translation>
    </message>
    <message>
        <source>配置文件有误，未导入：
{detail}</source>
        <translation>The profile file has errors and was not imported:
{detail}</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>修改政策配置：{title}</source>
        <translation>Edit policy profile: {title}</translation>
    </message>
    <message>
        <source>金额按元填写，比例按百分数填写；带＊的必须填写。每条规则旁边是政策文件的原句（原文摘录）和本配置的解读。保存前逐项检查，有误的项目下方用红字写明原因。</source>
        <translation>Amounts in yuan, shares in percent; fields marked ＊ are required. Beside each rule: the sentence of the policy text (quote) and this profile&apos;s reading. Every field is checked before saving; a wrong one is explained in red below it.</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>General</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>有 {n} 项需要修改（见红字）。</source>
        <translation>{n} fields need correcting (see the red notes).</translation>
    </message>
</context>
<context>
    <name>ProfileLine</name>
    <message>
        <source>政策配置：&lt;b&gt;{title}&lt;/b&gt; 第{v}版，{force}</source>
        <translation>Policy profile: &lt;b&gt;{title}&lt;/b&gt; version {v}, {force}</translation>
    </message>
    <message>
        <source>尚未填写本地补贴标准：请复制空白配置，按当地文件填写后设为当前。</source>
        <translation>No local subsidy rules yet: copy the blank profile, fill it in from the local policy text and make it current.</translation>
    </message>
    <message>
        <source>与本机构的行政区划不同，请确认。</source>
        <translation>It is for another region than this institution&apos;s; please check.</translation>
    </message>
    <message>
        <source>更换或填写…</source>
        <translation>Change or fill in…</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>编辑转诊记录</source>
        <translation>Edit referral</translation>
    </message>
    <message>
        <source>登记转诊</source>
        <translation>Log referral</translation>
    </message>
    <message>
        <source>转诊方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>上转（本院 → 医院）</source>
        <translation>Up-referral (home → hospital)</translation>
    </message>
    <message>
        <source>下转/回转（医院 → 本院）</source>
        <translation>Down-referral / return (hospital → home)</translation>
    </message>
    <message>
        <source>转诊时间</source>
        <translation>Referred at</translation>
    </message>
    <message>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>Receiving doctor</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <source>转诊医生电话</source>
        <translation>Referring doctor&apos;s phone</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>Present illness (reason for referral)</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>Past medical history</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>Treatment given</translation>
    </message>
    <message>
        <source>转诊指征</source>
        <translation>Referral indications</translation>
    </message>
    <message>
        <source>指征补充说明</source>
        <translation>Indication notes</translation>
    </message>
    <message>
        <source>转运方式</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>陪同人员</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record number</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>医院接诊医生</source>
        <translation>Hospital&apos;s receiving doctor</translation>
    </message>
    <message>
        <source>本院接诊医生</source>
        <translation>Our receiving doctor</translation>
    </message>
    <message>
        <source>本院转诊医生</source>
        <translation>Our referring doctor</translation>
    </message>
    <message>
        <source>医院转诊医生</source>
        <translation>Hospital&apos;s referring doctor</translation>
    </message>
    <message>
        <source>病情摘要（转回原因）</source>
        <translation>Summary (reason for return)</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>双向转诊</source>
        <translation>Two-way referral</translation>
    </message>
    <message>
        <source>全部方向</source>
        <translation>All directions</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>转诊日期 从</source>
        <translation>Referred from</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>登记上转</source>
        <translation>Log up-referral</translation>
    </message>
    <message>
        <source>登记下转/回转</source>
        <translation>Log down-referral</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>变更状态</source>
        <translation>Change state</translation>
    </message>
    <message>
        <source>登记回转</source>
        <translation>Record return</translation>
    </message>
    <message>
        <source>打印转诊单</source>
        <translation>Print referral slip</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>转诊指征设置</source>
        <translation>Referral indications…</translation>
    </message>
    <message>
        <source>转诊时间</source>
        <translation>Referred at</translation>
    </message>
    <message>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>State date</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Hospital days</translation>
    </message>
    <message>
        <source>转诊指征</source>
        <translation>Referral indications</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>平均住院天数</source>
        <translation>Average hospital days</translation>
    </message>
    <message>
        <source>按医疗机构</source>
        <translation>By institution</translation>
    </message>
    <message>
        <source>按转诊日期所在月份统计；状态列是各条转诊目前的结果；平均住院天数只计已出院（回转）的转诊住院。统计范围随上方筛选条件变化。</source>
        <translation>Counted by the month of the referral date; the state columns show each referral&apos;s current outcome; average hospital days count completed referral admissions only. The filters above apply.</translation>
    </message>
    <message>
        <source>转诊记录</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>月度统计</source>
        <translation>Monthly counts</translation>
    </message>
    <message>
        <source>住院中 {n}</source>
        <translation>in hospital {n}</translation>
    </message>
    <message>
        <source>全部机构</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>{name}（{d} 回转）</source>
        <translation>{name} (returned {d})</translation>
    </message>
    <message>
        <source> 等 {n} 人</source>
        <translation> and others ({n} in all)</translation>
    </message>
    <message>
        <source>回转后尚未重新评估，请尽快做即时评估：{names}{more}</source>
        <translation>Not reassessed since returning from hospital; please do an immediate assessment soon: {names}{more}</translation>
    </message>
    <message>
        <source>共 {n} 条（上转 {up}，下转 {down}）</source>
        <translation>{n} referrals ({up} up, {down} down)</translation>
    </message>
    <message>
        <source>选中一条转诊查看详情和经过。</source>
        <translation>Select a referral to see its details and history.</translation>
    </message>
    <message>
        <source>修改回转</source>
        <translation>Edit return</translation>
    </message>
    <message>
        <source>{name}&#x3000;{direction}&#x3000;{state}</source>
        <translation>{name}  {direction}  {state}</translation>
    </message>
    <message>
        <source>医院接诊医生</source>
        <translation>Hospital&apos;s receiving doctor</translation>
    </message>
    <message>
        <source>医院转诊医生</source>
        <translation>Hospital&apos;s referring doctor</translation>
    </message>
    <message>
        <source>本院转诊医生</source>
        <translation>Our referring doctor</translation>
    </message>
    <message>
        <source>本院接诊医生</source>
        <translation>Our receiving doctor</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>Present illness (reason for referral)</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>Past medical history</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>Treatment given</translation>
    </message>
    <message>
        <source>转运/陪同</source>
        <translation>Transport / escort</translation>
    </message>
    <message>
        <source>{d} 起住院（转诊住院，医保起付线连续计算）</source>
        <translation>In hospital from {d} (referral admission: the insurance deductible continues)</translation>
    </message>
    <message>
        <source>，共 {n} 天</source>
        <translation>, {n} days</translation>
    </message>
    <message>
        <source>住院</source>
        <translation>In hospital</translation>
    </message>
    <message>
        <source>回转日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record number</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>History</translation>
    </message>
    <message>
        <source>{d} 回转，需做即时评估（在“能力评估”页新建，评估原因选“即时评估”）。</source>
        <translation>Returned on {d}; an immediate assessment is due (on the Assessments page create one with the reason “Immediate assessment”).</translation>
    </message>
    <message>
        <source>登记转诊</source>
        <translation>Log referral</translation>
    </message>
    <message>
        <source>请先在“医疗合作”页登记签约的医疗机构。</source>
        <translation>First register the partner medical institution on the Medical cooperation page.</translation>
    </message>
    <message>
        <source>需要即时评估</source>
        <translation>Immediate assessment due</translation>
    </message>
    <message>
        <source>{name} 已于 {d} 回转。
病情变化后请尽快做一次即时评估：在“能力评估”页选中这位老人，点“新建评估”，评估原因选“即时评估”。</source>
        <translation>{name} returned on {d}.
After a change in condition please do an immediate assessment soon: on the Assessments page select the resident, click “New assessment” and choose the reason “Immediate assessment”.</translation>
    </message>
    <message>
        <source>删除转诊记录</source>
        <translation>Delete referral</translation>
    </message>
    <message>
        <source>确定删除 {name} {d} 的转诊记录？</source>
        <translation>Delete the referral of {name} on {d}?</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{err}</source>
        <translation>Cannot write the file {path}: {err}</translation>
    </message>
    <message>
        <source>双向转诊单 — {name}</source>
        <translation>Two-way referral slip — {name}</translation>
    </message>
</context>
<context>
    <name>ReportPicker</name>
    <message>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>选择体检报告扫描件</source>
        <translation>Choose the scanned report</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重设“{name}”的密码</source>
        <translation>Reset password for “{name}”</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>ResidentChecklist</name>
    <message>
        <source>输入姓名或拼音首字母筛选</source>
        <translation>Filter by name or pinyin initials</translation>
    </message>
    <message>
        <source>已选 {n} 人</source>
        <translation>{n} selected</translation>
    </message>
</context>
<context>
    <name>ResidentDetail</name>
    <message>
        <source>入住 {bed}</source>
        <translation>Admitted to {bed}</translation>
    </message>
    <message>
        <source>换床到 {bed}</source>
        <translation>Moved to {bed}</translation>
    </message>
    <message>
        <source>{d} 返回</source>
        <translation>back on {d}</translation>
    </message>
    <message>
        <source>尚未返回</source>
        <translation>not back yet</translation>
    </message>
    <message>
        <source>{kind}{dest}，{until}</source>
        <translation>{kind}{dest}, {until}</translation>
    </message>
    <message>
        <source>出院（{reason}）{note}</source>
        <translation>Discharged ({reason}){note}</translation>
    </message>
    <message>
        <source>性别/年龄</source>
        <translation>Sex/age</translation>
    </message>
    <message>
        <source>{sex}，{age}岁（{birth}）</source>
        <translation>{sex}, {age} years ({birth})</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>长护险</source>
        <translation>LTC insurance</translation>
    </message>
    <message>
        <source>已参加</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>未参加</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>Own phone</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>入住记录</source>
        <translation>Stays</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>未登记，请点“编辑”补上</source>
        <translation>None recorded; add them with &quot;Edit&quot;</translation>
    </message>
    <message>
        <source>尚未入住。</source>
        <translation>Not admitted yet.</translation>
    </message>
    <message>
        <source>第 {n} 次：{a} — {b}</source>
        <translation>Stay {n}: {a} — {b}</translation>
    </message>
    <message>
        <source>至今</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>编辑老人信息</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>新增老人</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>18位，录入后自动带出出生日期和性别</source>
        <translation>18 characters; fills in the date of birth and sex</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Registration address</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>长期护理保险</source>
        <translation>Long-term-care insurance</translation>
    </message>
    <message>
        <source>已参加长护险</source>
        <translation>Insured</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>立即入住</source>
        <translation>Admit now</translation>
    </message>
    <message>
        <source>暂不入住（如先登记、等床位）可去掉勾选，以后在列表中点“办理入住”。</source>
        <translation>To register without admitting (e.g. waiting for a bed), untick this and use &quot;Admit&quot; in the list later.</translation>
    </message>
    <message>
        <source>请填写入住日期</source>
        <translation>Please enter the admission date</translation>
    </message>
    <message>
        <source>请选择床位</source>
        <translation>Please choose a bed</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
</context>
<context>
    <name>ResidentHealth</name>
    <message>
        <source>慢性病</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>既往史</source>
        <translation>Past illnesses</translation>
    </message>
    <message>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>禁忌药物</source>
        <translation>Contraindicated drugs</translation>
    </message>
    <message>
        <source>饮食禁忌</source>
        <translation>Diet restrictions</translation>
    </message>
    <message>
        <source>健康档案</source>
        <translation>Health file</translation>
    </message>
    <message>
        <source>尚未建立健康档案，请点“健康档案…”填写。</source>
        <translation>No health file yet; press &quot;Health file…&quot; to write one.</translation>
    </message>
    <message>
        <source>{doctor}（{since} 起）</source>
        <translation>{doctor} (since {since})</translation>
    </message>
    <message>
        <source>家庭医生</source>
        <translation>Family doctor</translation>
    </message>
    <message>
        <source>签约医疗机构</source>
        <translation>Attending partner</translation>
    </message>
    <message>
        <source>{date} 记录，共 {n} 个版本</source>
        <translation>Recorded {date}; {n} versions in all</translation>
    </message>
    <message>
        <source>；以前的版本：</source>
        <translation>; earlier versions: </translation>
    </message>
    <message>
        <source>年度体检</source>
        <translation>Yearly health checks</translation>
    </message>
    <message>
        <source>体检已到期（年满65周岁，12个月内没有体检）</source>
        <translation>Check due (aged 65+, no check in 12 months)</translation>
    </message>
    <message>
        <source>下次体检：{d} 前</source>
        <translation>Next check: before {d}</translation>
    </message>
    <message>
        <source>尚无体检记录。</source>
        <translation>No checks recorded.</translation>
    </message>
    <message>
        <source>{d} 告知{who}</source>
        <translation>given to {who} on {d}</translation>
    </message>
    <message>
        <source>，报告 {n} 份</source>
        <translation>, {n} reports</translation>
    </message>
    <message>
        <source>长护险等级</source>
        <translation>LTC levels</translation>
    </message>
    <message>
        <source>已参加长护险，尚未登记等级。</source>
        <translation>LTC-insured, no level registered yet.</translation>
    </message>
    <message>
        <source>未登记。</source>
        <translation>None registered.</translation>
    </message>
    <message>
        <source>有效，还剩 {n} 天</source>
        <translation>valid, {n} days left</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>未生效</source>
        <translation>not yet valid</translation>
    </message>
    <message>
        <source>健康管理</source>
        <translation>Health</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <source>输入姓名查找</source>
        <translation>Type a name</translation>
    </message>
    <message>
        <source>{name}（该日不在院）</source>
        <translation>{name} (not living here that day)</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <source>搜索：姓名、拼音首字母（如 zs）、身份证号或床位号</source>
        <translation>Search: name, pinyin initials (e.g. zs), ID number or bed</translation>
    </message>
    <message>
        <source>显示已出院</source>
        <translation>Show discharged</translation>
    </message>
    <message>
        <source>新增老人</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>办理入住</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>换床</source>
        <translation>Move bed</translation>
    </message>
    <message>
        <source>请假/住院</source>
        <translation>Leave / hospital</translation>
    </message>
    <message>
        <source>销假</source>
        <translation>End leave</translation>
    </message>
    <message>
        <source>办理出院</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>从Excel导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>在住</source>
        <translation>In residence</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>住院</source>
        <translation>In hospital</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>能力评估记录</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>选中一位老人，这里显示他的联系人和入住记录。</source>
        <translation>Select a resident to see contacts and stays here.</translation>
    </message>
    <message>
        <source>没有找到符合条件的老人。已出院的老人请勾选“显示已出院”。</source>
        <translation>No resident matches. For discharged residents tick &quot;Show discharged&quot;.</translation>
    </message>
    <message>
        <source>还没有在住的老人。点“新增老人”登记并办理入住。</source>
        <translation>No residents yet. Click &quot;Add resident&quot; to register and admit one.</translation>
    </message>
    <message>
        <source>已出院</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>未入住</source>
        <translation>Not admitted</translation>
    </message>
    <message>
        <source>双击修改老人信息；右键可办理入住、换床、请假、出院</source>
        <translation>Double-click to edit; right-click to admit, move bed, record leave or discharge</translation>
    </message>
    <message>
        <source>共 {n} 人，其中在住 {m} 人</source>
        <translation>{n} people, {m} in residence</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>{n} residents</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>登记回转</source>
        <translation>Record return</translation>
    </message>
    <message>
        <source>，{d} 起住院</source>
        <translation>, in hospital from {d}</translation>
    </message>
    <message>
        <source>{name}&#x3000;{date} 转往 {partner}{since}</source>
        <translation>{name}  referred to {partner} on {date}{since}</translation>
    </message>
    <message>
        <source>回转日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record number</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>医院转诊医生</source>
        <translation>Hospital&apos;s referring doctor</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>本院接诊医生</source>
        <translation>Our receiving doctor</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>保存后住院登记结束，老人回到床位；系统会提醒为老人做一次即时评估。</source>
        <translation>Saving ends the hospital stay and the resident is back in the bed; you will be reminded to do an immediate assessment.</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>月</source>
        <translation> mo</translation>
    </message>
    <message>
        <source>重新计算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <source>报送…</source>
        <translation>Submit…</translation>
    </message>
    <message>
        <source>保存 Excel 和 PDF…</source>
        <translation>Save Excel and PDF…</translation>
    </message>
    <message>
        <source>导出全年…</source>
        <translation>Export whole year…</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>数字按所选月份当时的记录计算，报送后冻结保存。</source>
        <translation>Figures are calculated from the records as they were in the chosen month, and frozen when submitted.</translation>
    </message>
    <message>
        <source>生成更正版本…</source>
        <translation>Create correction…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>报送时</source>
        <translation>As submitted</translation>
    </message>
    <message>
        <source>与报送版本的差异</source>
        <translation>Differences from submitted version</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>报送人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>报送时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>导出所选报送版本…</source>
        <translation>Export selected version…</translation>
    </message>
    <message>
        <source>报送记录</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>长护险清单</source>
        <translation>LTC list</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly returns</translation>
    </message>
    <message>
        <source>按 {d} 的记录计算。</source>
        <translation>Computed on the records as of {d}.</translation>
    </message>
    <message>
        <source>{m}：月末床位 {beds} 张，在住 {occ} 张，入住率 {rate}；入住 {a} 人，出院 {d} 人（其中死亡 {x} 人）。</source>
        <translation>{m}: {beds} beds at month end, {occ} occupied, occupancy {rate}; {a} admissions, {d} discharges ({x} deaths).</translation>
    </message>
    <message>
        <source>已报送第 {v} 版（{who}，{when}）。</source>
        <translation>Version {v} submitted ({who}, {when}).</translation>
    </message>
    <message>
        <source>{title}（{n}）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <source>记录在报送后有改动：重新计算的结果与已报送的第 {v} 版有 {n} 处不同（见“与报送版本的差异”）。已报送的数字保持不变；如需更正，请生成更正版本。</source>
        <translation>Records changed after submission: the recalculated figures differ from submitted version {v} in {n} places (see “Differences from submitted version”). The submitted figures stay as they are; to correct them, create a correction.</translation>
    </message>
    <message>
        <source>生成更正版本</source>
        <translation>Create correction</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>报送 {m} 月报：冻结当前的数字和名单。备注（可不填）：</source>
        <translation>Submit the {m} monthly return: the current figures and lists are frozen. Remarks (optional):</translation>
    </message>
    <message>
        <source>无法报送</source>
        <translation>Cannot submit</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>正在生成 {m} 月报…</source>
        <translation>Creating the {m} monthly return…</translation>
    </message>
    <message>
        <source>正在生成月报…</source>
        <translation>Creating monthly returns…</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>已保存 {n} 个文件到 {folder}</source>
        <translation>Saved {n} files to {folder}</translation>
    </message>
    <message>
        <source>保存月报</source>
        <translation>Save the monthly return</translation>
    </message>
    <message>
        <source>导出全年</source>
        <translation>Export whole year</translation>
    </message>
    <message>
        <source>{y}年尚无可生成的月报。</source>
        <translation>There is no monthly return to create for {y} yet.</translation>
    </message>
    <message>
        <source>请先选中一个报送版本。</source>
        <translation>First select a submitted version.</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>添加房间</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>床位数</source>
        <translation>Number of beds</translation>
    </message>
    <message>
        <source>投入使用日期</source>
        <translation>Service start date</translation>
    </message>
</context>
<context>
    <name>Saved</name>
    <message>
        <source>无法自动打开文件夹，请在文件管理器中打开：
{folder}</source>
        <translation>The folder could not be opened automatically. Please open it in your file manager:
{folder}</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>已保存到：
{path}</source>
        <translation>Saved to:
{path}</translation>
    </message>
    <message>
        <source>已保存 {n} 个文件到：
{folder}

{names}</source>
        <translation>Saved {n} files to:
{folder}

{names}</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>连接服务器数据库（网络版）</source>
        <translation>Connect to a server database (network edition)</translation>
    </message>
    <message>
        <source>几台电脑共用一个机构的数据时，数据放在一台服务器电脑的 PostgreSQL 数据库里（网络版）。请填写管理员给您的服务器地址、数据库名称、用户名和密码。</source>
        <translation>When several computers share one institution&apos;s data, the data lives in a PostgreSQL database on a server computer (network edition). Enter the server address, database name, user name and password your administrator gave you.</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>计算机名或 IP 地址，例如 192.168.1.10</source>
        <translation>Computer name or IP address, e.g. 192.168.1.10</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>例如 yiyang</source>
        <translation>e.g. yiyang</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>记住密码（保存在系统的凭据管理器中）</source>
        <translation>Remember password (kept in the system&apos;s credential manager)</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在连接 {where} …</source>
        <translation>Connecting to {where} …</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>服务器数据库的密码</source>
        <translation>Server database password</translation>
    </message>
    <message>
        <source>网络版：请输入服务器数据库 {where} 的密码。</source>
        <translation>Network edition: enter the password of the server database {where}.</translation>
    </message>
    <message>
        <source>记住密码（保存在系统的凭据管理器中）</source>
        <translation>Remember password (kept in the system&apos;s credential manager)</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>改用本机数据文件</source>
        <translation>Use the local data file</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ServicesEditor</name>
    <message>
        <source>请写明内容</source>
        <translation>Describe the service</translation>
    </message>
    <message>
        <source>说明（可不填）</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source>响应时间</source>
        <translation>Response time</translation>
    </message>
    <message>
        <source> 分钟内响应</source>
        <translation> min response</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>网络版：服务器数据库 {where}</source>
        <translation>Network edition: server database {where}</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>数据位置</source>
        <translation>Data location</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>连接服务器数据库…</source>
        <translation>Connect to a server database…</translation>
    </message>
    <message>
        <source>改用本机数据文件</source>
        <translation>Use the local data file</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>用户账号</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>审计密钥</source>
        <translation>Audit key</translation>
    </message>
    <message>
        <source>下次启动时将连接服务器数据库 {where}。</source>
        <translation>At the next start the program connects to the server database {where}.</translation>
    </message>
    <message>
        <source>下次启动时将打开本机数据文件 {path}。</source>
        <translation>At the next start the program opens the local data file {path}.</translation>
    </message>
    <message>
        <source>连接服务器数据库</source>
        <translation>Connect to a server database</translation>
    </message>
    <message>
        <source>已记住这个连接（不含密码）。下次启动时将连接服务器数据库 {where}。</source>
        <translation>Connection remembered (without the password). At the next start the program connects to the server database {where}.</translation>
    </message>
    <message>
        <source>新的界面语言将在程序重新启动后生效。</source>
        <translation>The new interface language takes effect when the program is restarted.</translation>
    </message>
</context>
<context>
    <name>ShowCodeDialog</name>
    <message>
        <source>审计密钥的恢复码</source>
        <translation>Recovery code of the audit key</translation>
    </message>
    <message>
        <source>本数据文件的审计记录用一把密钥签名，密钥只保存在这台电脑上（不在数据文件里）。请把下面的恢复码抄在纸上，和公章一起妥善保管。

在另一台电脑上使用这个数据文件（换新电脑、网络版的第二个座席）时，需要在“设置 → 审计密钥”中输入它，那台电脑才能保存修改。恢复码只显示这一次。</source>
        <translation>This data file&apos;s audit trail is signed with a key kept only on this computer (not in the data file). Write the recovery code below on paper and keep it safe, with the official seal.

To use this data file on another computer (a new PC, a second seat of the network edition), enter it there under &quot;Settings → Audit key&quot;; only then can that computer save changes. The code is shown only this once.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>我已抄下</source>
        <translation>I have written it down</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>编辑人员</source>
        <translation>Edit staff member</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>New staff member</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>可不填；填写时核对校验位</source>
        <translation>Optional; the check digit is verified when entered</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>如：主治医师、护师</source>
        <translation>e.g. attending physician, nurse practitioner</translation>
    </message>
    <message>
        <source>执业证书编号</source>
        <translation>Practice certificate no.</translation>
    </message>
    <message>
        <source>资格证书编号</source>
        <translation>Qualification certificate no.</translation>
    </message>
    <message>
        <source>其他证书</source>
        <translation>Other certificates</translation>
    </message>
    <message>
        <source>如：养老护理员职业技能等级证书</source>
        <translation>e.g. elderly-care worker skill-level certificate</translation>
    </message>
    <message>
        <source>第一注册地</source>
        <translation>First registration</translation>
    </message>
    <message>
        <source>本机构是该医师的第一执业地点</source>
        <translation>This institution is the physician&apos;s first practice registration</translation>
    </message>
    <message>
        <source>用工方式</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>医师必填：医师执业证书编号</source>
        <translation>Required for physicians</translation>
    </message>
    <message>
        <source>护士等有执业证书的填写</source>
        <translation>Fill in for nurses and others with a practice certificate</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>显示已离职</source>
        <translation>Show former staff</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>办理离职</source>
        <translation>Record leaving</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>执业证书编号</source>
        <translation>Practice certificate no.</translation>
    </message>
    <message>
        <source>第一注册地</source>
        <translation>First registration</translation>
    </message>
    <message>
        <source>双击一行可编辑；离职请用“办理离职”，记录会保留。</source>
        <translation>Double-click a row to edit; use “Record leaving” when someone leaves — the record is kept.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>列表共 {n} 人</source>
        <translation>{n} people listed</translation>
    </message>
    <message>
        <source>{date} 在职 {n} 人：</source>
        <translation>{n} in post on {date}:</translation>
    </message>
    <message>
        <source>用工方式</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>开始使用</source>
        <translation>Getting started</translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <source>变更转诊状态</source>
        <translation>Change referral state</translation>
    </message>
    <message>
        <source>{name}&#x3000;{direction}&#x3000;{partner}&#x3000;当前：{state}（{date}）</source>
        <translation>{name}  {direction}  {partner}  now: {state} ({date})</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New state</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住院登记</source>
        <translation>Hospital stay</translation>
    </message>
    <message>
        <source>老人已返回本院，住院登记在同一天结束</source>
        <translation>The resident is back; end the hospital stay on the same day</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>登记住院后，老人保留床位，按“住院”外出统计，不算出院；记为转诊住院（医保起付线连续计算）。</source>
        <translation>After an admission the resident keeps the bed and counts as away in hospital, not discharged; it is recorded as a referral admission (the insurance deductible continues).</translation>
    </message>
    <message>
        <source>老人回到本院时，请关闭此窗口，用“登记回转”填写诊断和康复建议。</source>
        <translation>When the resident comes back, close this window and use “Record return” for the diagnosis and advice.</translation>
    </message>
    <message>
        <source>老人仍登记为住院；如已回到本院请勾选上面的选项，如已出院请在“入住老人”页办理出院。</source>
        <translation>The resident is still recorded as in hospital; tick the option above if they are back, or discharge them on the Residents page.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>设置床位状态</source>
        <translation>Set bed status</translation>
    </message>
    <message>
        <source>自何日起</source>
        <translation>From</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因/备注</source>
        <translation>Reason / note</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>{name}，现住 {bed}（{date} 入住）</source>
        <translation>{name}, in bed {bed} (admitted {date})</translation>
    </message>
    <message>
        <source>，今天{kind}中</source>
        <translation>, today: {kind}</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>终止协议</source>
        <translation>Terminate agreement</translation>
    </message>
    <message>
        <source>{partner}，有效期 {a} 至 {b}</source>
        <translation>{partner}, valid {a} to {b}</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Terminated on</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for termination</translation>
    </message>
    <message>
        <source>确认终止</source>
        <translation>Terminate</translation>
    </message>
</context>
<context>
    <name>TypeDialog</name>
    <message>
        <source>变更床位类型</source>
        <translation>Change bed type</translation>
    </message>
    <message>
        <source>类型记录</source>
        <translation>Type history</translation>
    </message>
    <message>
        <source>自何日起</source>
        <translation>From</translation>
    </message>
    <message>
        <source>原因/备注</source>
        <translation>Reason / note</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>只有管理员可以管理用户账号。</source>
        <translation>Only administrators can manage user accounts.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>停用/启用</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 {t}</source>
        <translation>Locked until {t}</translation>
    </message>
    <message>
        <source>需改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>User management</translation>
    </message>
    <message>
        <source>请先在列表中选中一个用户</source>
        <translation>First select a user in the list</translation>
    </message>
    <message>
        <source>“{name}”的角色：</source>
        <translation>Role of “{name}”:</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>编辑巡诊记录</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <source>登记巡诊</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <source>巡诊日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>巡诊医生</source>
        <translation>Visiting doctor</translation>
    </message>
    <message>
        <source>巡诊老人</source>
        <translation>Residents seen</translation>
    </message>
    <message>
        <source>巡诊情况</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>欢迎使用医养台账</source>
        <translation>Welcome to Yiyang Desktop</translation>
    </message>
    <message>
        <source>&lt;h2&gt;欢迎使用医养台账&lt;/h2&gt;&lt;p&gt;本机还没有机构数据。可以先打开一个&lt;b&gt;演示机构&lt;/b&gt;看看各项功能（演示数据单独保存，不会混入正式数据），也可以直接建立本机构的台账。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Yiyang Desktop&lt;/h2&gt;&lt;p&gt;There is no institution data on this computer yet. You can open a &lt;b&gt;demo institution&lt;/b&gt; to try every feature (demo data is kept in its own file and never mixed with real data), or set up your own institution&apos;s records straight away.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>打开演示机构</source>
        <translation>Open the demo institution</translation>
    </message>
    <message>
        <source>或者，建立本机构的台账：</source>
        <translation>Or set up your own institution:</translation>
    </message>
    <message>
        <source>机构名称，例如：某某县社会福利中心</source>
        <translation>Institution name, e.g. Some County Social Welfare Centre</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>例如：湖南省怀化市鹤城区</source>
        <translation>e.g. 湖南省怀化市鹤城区</translation>
    </message>
    <message>
        <source>6位代码，例如 431202</source>
        <translation>6-digit code, e.g. 431202</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Administrative division</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>空白配置：本地标准以后再填写</source>
        <translation>Blank profile: fill in the local rules later</translation>
    </message>
    <message>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <source>建立本机构台账</source>
        <translation>Set up my institution</translation>
    </message>
    <message>
        <source>连接服务器数据库…</source>
        <translation>Connect to a server database…</translation>
    </message>
    <message>
        <source>或者，几台电脑共用数据（网络版）：</source>
        <translation>Or share the data between several computers (network edition):</translation>
    </message>
    <message>
        <source>补贴标准、条件和护理型床位目标按所选配置计算。</source>
        <translation>Subsidy rates, conditions and the nursing-bed target follow the chosen profile.</translation>
    </message>
    <message>
        <source>空白配置没有补贴标准：建立后请在“申报 → 政策配置”中复制空白配置，按当地文件填写补贴标准并设为当前，填写之前补贴金额为 0。</source>
        <translation>The blank profile has no rates: afterwards, copy it under Applications → Policy profiles, fill in the local rates and make it current; until then subsidies are 0.</translation>
    </message>
    <message>
        <source>所选配置适用于{region}，与本机构的行政区划不同；请确认当地执行的就是这份文件。</source>
        <translation>The chosen profile is for {region}, not this institution&apos;s region; please make sure this text applies here.</translation>
    </message>
    <message>
        <source>依据：{doc}（{force}）</source>
        <translation>Basis: {doc} ({force})</translation>
    </message>
    <message>
        <source>请填写机构名称</source>
        <translation>Please enter the institution name</translation>
    </message>
    <message>
        <source>行政区划代码应为6位数字</source>
        <translation>The division code has 6 digits</translation>
    </message>
    <message>
        <source>请填写行政区划（名称或6位代码）</source>
        <translation>Please enter the administrative division (name or 6-digit code)</translation>
    </message>
    <message>
        <source>请选择政策配置；当地没有现成配置时选“空白配置”</source>
        <translation>Please choose a policy profile; take the blank one when none ships for your region</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>请不要继续录入。可以从备份恢复数据（设置 → 备份与恢复），或关闭程序后联系技术支持。</source>
        <translation>Do not enter any more data. You can restore the data from a backup (Settings → Backup and restore), or close the program and contact technical support.</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭时自动备份失败：{err}</source>
        <translation>Automatic backup on close failed: {err}</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{floor}层</source>
        <translation>Floor {floor}</translation>
    </message>
    <message>
        <source>未分楼层</source>
        <translation>No floor</translation>
    </message>
    <message>
        <source>空闲 {n} 张</source>
        <translation>{n} free</translation>
    </message>
    <message>
        <source>预留 {n} 张</source>
        <translation>{n} reserved</translation>
    </message>
    <message>
        <source>本地</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>外地</source>
        <translation>Non-local</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot be done</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>养老床位</source>
        <translation>Elderly-care bed</translation>
    </message>
    <message>
        <source>护理型床位</source>
        <translation>Nursing-care bed</translation>
    </message>
    <message>
        <source>医疗床位</source>
        <translation>Medical bed</translation>
    </message>
    <message>
        <source>家庭养老床位</source>
        <translation>Home care bed</translation>
    </message>
    <message>
        <source>康复</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <source>护理</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <source>安宁疗护</source>
        <translation>Hospice</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>预留</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>维修</source>
        <translation>Under repair</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Out of use</translation>
    </message>
    <message>
        <source>在住</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <source>空闲</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New build</translation>
    </message>
    <message>
        <source>改扩建</source>
        <translation>Renovation</translation>
    </message>
    <message>
        <source>租赁</source>
        <translation>Rented</translation>
    </message>
    <message>
        <source>公办</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>民办</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>公建民营</source>
        <translation>Publicly built, privately run</translation>
    </message>
    <message>
        <source>营利</source>
        <translation>For-profit</translation>
    </message>
    <message>
        <source>非营利</source>
        <translation>Non-profit</translation>
    </message>
    <message>
        <source>养老机构</source>
        <translation>Elderly-care home</translation>
    </message>
    <message>
        <source>医养结合机构（养办医）</source>
        <translation>Integrated care (care home running medical services)</translation>
    </message>
    <message>
        <source>医养结合机构（医办养）</source>
        <translation>Integrated care (medical institution running elderly care)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>医务室</source>
        <translation>Infirmary</translation>
    </message>
    <message>
        <source>护理站</source>
        <translation>Nursing station</translation>
    </message>
    <message>
        <source>门诊部</source>
        <translation>Outpatient department</translation>
    </message>
    <message>
        <source>护理院</source>
        <translation>Nursing hospital</translation>
    </message>
    <message>
        <source>首次评估</source>
        <translation>First assessment</translation>
    </message>
    <message>
        <source>常规评估</source>
        <translation>Routine assessment</translation>
    </message>
    <message>
        <source>即时评估</source>
        <translation>Immediate assessment</translation>
    </message>
    <message>
        <source>复评</source>
        <translation>Re-assessment on doubt</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>跌倒</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>走失</source>
        <translation>Wandering off</translation>
    </message>
    <message>
        <source>噎食</source>
        <translation>Choking</translation>
    </message>
    <message>
        <source>自杀/自伤</source>
        <translation>Suicide / self-harm</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>高血压病</source>
        <translation>Hypertension</translation>
    </message>
    <message>
        <source>冠心病</source>
        <translation>Coronary heart disease</translation>
    </message>
    <message>
        <source>糖尿病</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <source>肺炎</source>
        <translation>Pneumonia</translation>
    </message>
    <message>
        <source>慢阻肺</source>
        <translation>COPD</translation>
    </message>
    <message>
        <source>脑出血</source>
        <translation>Cerebral haemorrhage</translation>
    </message>
    <message>
        <source>脑梗塞</source>
        <translation>Cerebral infarction</translation>
    </message>
    <message>
        <source>帕金森综合征</source>
        <translation>Parkinsonism</translation>
    </message>
    <message>
        <source>慢性肾衰竭</source>
        <translation>Chronic renal failure</translation>
    </message>
    <message>
        <source>肝硬化</source>
        <translation>Liver cirrhosis</translation>
    </message>
    <message>
        <source>消化性溃疡</source>
        <translation>Peptic ulcer</translation>
    </message>
    <message>
        <source>肿瘤</source>
        <translation>Tumour</translation>
    </message>
    <message>
        <source>骨折(3个月内)</source>
        <translation>Fracture (within 3 months)</translation>
    </message>
    <message>
        <source>癫痫</source>
        <translation>Epilepsy</translation>
    </message>
    <message>
        <source>甲状腺功能减退症</source>
        <translation>Hypothyroidism</translation>
    </message>
    <message>
        <source>白内障</source>
        <translation>Cataract</translation>
    </message>
    <message>
        <source>青光眼</source>
        <translation>Glaucoma</translation>
    </message>
    <message>
        <source>骨质疏松症</source>
        <translation>Osteoporosis</translation>
    </message>
    <message>
        <source>痴呆</source>
        <translation>Dementia</translation>
    </message>
    <message>
        <source>其他精神和行为障碍</source>
        <translation>Other mental and behavioural disorder</translation>
    </message>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>需即时评估</source>
        <translation>Reassess now</translation>
    </message>
    <message>
        <source>上转</source>
        <translation>Up-referral</translation>
    </message>
    <message>
        <source>下转</source>
        <translation>Down-referral</translation>
    </message>
    <message>
        <source>待接收</source>
        <translation>Awaiting acceptance</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>未接收</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>门诊处理</source>
        <translation>Outpatient care</translation>
    </message>
    <message>
        <source>已回转</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>急诊</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <source>生效</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>特困</source>
        <translation>Extreme poverty support</translation>
    </message>
    <message>
        <source>低保</source>
        <translation>Minimum living allowance</translation>
    </message>
    <message>
        <source>三无</source>
        <translation>&quot;Three nos&quot; elder</translation>
    </message>
    <message>
        <source>五保</source>
        <translation>Five guarantees</translation>
    </message>
    <message>
        <source>计生特殊家庭</source>
        <translation>Special family-planning family</translation>
    </message>
    <message>
        <source>优抚</source>
        <translation>Entitled group (veterans&apos; families)</translation>
    </message>
    <message>
        <source>残疾</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>城镇职工</source>
        <translation>Urban employees&apos; insurance</translation>
    </message>
    <message>
        <source>城乡居民</source>
        <translation>Urban-rural residents&apos; insurance</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>回家</source>
        <translation>Went home</translation>
    </message>
    <message>
        <source>转院</source>
        <translation>Transferred to hospital</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>请假外出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>住院</source>
        <translation>In hospital</translation>
    </message>
    <message>
        <source>执业医师</source>
        <translation>Licensed physician</translation>
    </message>
    <message>
        <source>执业助理医师</source>
        <translation>Licensed assistant physician</translation>
    </message>
    <message>
        <source>注册护士</source>
        <translation>Registered nurse</translation>
    </message>
    <message>
        <source>护理员</source>
        <translation>Care worker</translation>
    </message>
    <message>
        <source>康复治疗师</source>
        <translation>Rehabilitation therapist</translation>
    </message>
    <message>
        <source>管理人员</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>全职</source>
        <translation>Full time</translation>
    </message>
    <message>
        <source>兼职</source>
        <translation>Part time</translation>
    </message>
    <message>
        <source>养老</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>护理型</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>家庭</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>综合医院</source>
        <translation>General hospital</translation>
    </message>
    <message>
        <source>中医医院</source>
        <translation>TCM hospital</translation>
    </message>
    <message>
        <source>专科医院</source>
        <translation>Specialist hospital</translation>
    </message>
    <message>
        <source>康复医院</source>
        <translation>Rehabilitation hospital</translation>
    </message>
    <message>
        <source>安宁疗护中心</source>
        <translation>Hospice centre</translation>
    </message>
    <message>
        <source>社区卫生服务中心(站)</source>
        <translation>Community health centre (station)</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>Township health centre</translation>
    </message>
    <message>
        <source>村卫生室</source>
        <translation>Village clinic</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <source>未定级</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>上门巡诊</source>
        <translation>On-site doctor rounds</translation>
    </message>
    <message>
        <source>与医疗机构签约合作</source>
        <translation>Signed cooperation with a medical institution</translation>
    </message>
    <message>
        <source>内设医疗机构</source>
        <translation>Internal medical facility</translation>
    </message>
    <message>
        <source>急诊急救应急通道</source>
        <translation>Emergency channel</translation>
    </message>
    <message>
        <source>双向转诊</source>
        <translation>Two-way referral</translation>
    </message>
    <message>
        <source>协议即将到期</source>
        <translation>Agreement expiring soon</translation>
    </message>
    <message>
        <source>预约就诊绿色通道</source>
        <translation>Priority appointments (green channel)</translation>
    </message>
    <message>
        <source>健康管理/年度体检</source>
        <translation>Health management / annual check-up</translation>
    </message>
    <message>
        <source>基本公共卫生服务</source>
        <translation>Basic public health services</translation>
    </message>
    <message>
        <source>慢病长期处方</source>
        <translation>Long-term prescriptions for chronic disease</translation>
    </message>
    <message>
        <source>康复指导</source>
        <translation>Rehabilitation guidance</translation>
    </message>
    <message>
        <source>护理指导</source>
        <translation>Nursing guidance</translation>
    </message>
    <message>
        <source>中医药指导</source>
        <translation>TCM guidance</translation>
    </message>
    <message>
        <source>安宁疗护指导</source>
        <translation>Hospice care guidance</translation>
    </message>
    <message>
        <source>远程会诊</source>
        <translation>Remote consultation</translation>
    </message>
    <message>
        <source>人员培训</source>
        <translation>Staff training</translation>
    </message>
    <message>
        <source>院感防控指导</source>
        <translation>Infection control guidance</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每两周</source>
        <translation>Every two weeks</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>每季度</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>入住老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>医保基金</source>
        <translation>Medical insurance fund</translation>
    </message>
    <message>
        <source>按次</source>
        <translation>Per visit</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>Per month</translation>
    </message>
    <message>
        <source>按年</source>
        <translation>Per year</translation>
    </message>
    <message>
        <source>按项目</source>
        <translation>Per item</translation>
    </message>
    <message>
        <source>免费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>救护车（120）</source>
        <translation>Ambulance (120)</translation>
    </message>
    <message>
        <source>机构车辆</source>
        <translation>Home&apos;s vehicle</translation>
    </message>
    <message>
        <source>家属自行</source>
        <translation>By the family</translation>
    </message>
    <message>
        <source>医院派车</source>
        <translation>Hospital vehicle</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>锚点</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <source>修改、导出与系统（不含登录）</source>
        <extracomment>The audit page&apos;s &quot;kind&quot; filter: sign-ins apart, so they do not drown the changes.</extracomment>
        <translation>Changes, exports and system (no sign-ins)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>数据修改</source>
        <translation>Data changes</translation>
    </message>
    <message>
        <source>审计密钥与恢复</source>
        <translation>Audit key and restores</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>（详细内容）</source>
        <translation>(details)</translation>
    </message>
    <message>
        <source>老人档案</source>
        <translation>Resident record</translation>
    </message>
    <message>
        <source>老人联系人</source>
        <translation>Resident contact</translation>
    </message>
    <message>
        <source>入住记录</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>床位分配</source>
        <translation>Bed assignment</translation>
    </message>
    <message>
        <source>请假/住院</source>
        <translation>Leave / hospital stay</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>床位类型变更</source>
        <translation>Bed type change</translation>
    </message>
    <message>
        <source>床位状态变更</source>
        <translation>Bed status change</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>机构信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>照护风险事件</source>
        <translation>Care-risk event</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>转诊进程</source>
        <translation>Referral progress</translation>
    </message>
    <message>
        <source>合作医疗机构</source>
        <translation>Partner medical institution</translation>
    </message>
    <message>
        <source>合作协议</source>
        <translation>Cooperation agreement</translation>
    </message>
    <message>
        <source>巡诊</source>
        <translation>Doctor visit</translation>
    </message>
    <message>
        <source>用户账号</source>
        <translation>User account</translation>
    </message>
    <message>
        <source>导出文件</source>
        <translation>Exported file</translation>
    </message>
    <message>
        <source>补贴申请</source>
        <translation>Subsidy application</translation>
    </message>
    <message>
        <source>政策参数</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <source>协议收费项目</source>
        <translation>Agreement fee</translation>
    </message>
    <message>
        <source>协议扫描件</source>
        <translation>Agreement scan</translation>
    </message>
    <message>
        <source>协议服务项目</source>
        <translation>Agreement service</translation>
    </message>
    <message>
        <source>建设补贴发放</source>
        <translation>Construction grant</translation>
    </message>
    <message>
        <source>合作机构联系人</source>
        <translation>Partner contact</translation>
    </message>
    <message>
        <source>已报送月报</source>
        <translation>Submitted return</translation>
    </message>
    <message>
        <source>巡诊老人</source>
        <translation>Visit resident</translation>
    </message>
    <message>
        <source>审计密钥</source>
        <translation>Audit key</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>审计锚点</source>
        <translation>Audit anchor</translation>
    </message>
    <message>
        <source>健康档案</source>
        <translation>Health file</translation>
    </message>
    <message>
        <source>年度体检</source>
        <translation>Yearly health check</translation>
    </message>
    <message>
        <source>体检报告扫描件</source>
        <translation>Health check report scan</translation>
    </message>
    <message>
        <source>长护险等级</source>
        <translation>LTC insurance level</translation>
    </message>
    <message>
        <source>医保管理制度</source>
        <translation>Medical-insurance management rules</translation>
    </message>
    <message>
        <source>财务制度</source>
        <translation>Financial rules</translation>
    </message>
    <message>
        <source>统计信息管理制度</source>
        <translation>Statistical information management rules</translation>
    </message>
    <message>
        <source>医疗质量安全核心制度</source>
        <translation>Core medical quality and safety rules</translation>
    </message>
    <message>
        <source>与医保信息系统对接并上传全部就诊数据</source>
        <translation>Connected to the medical-insurance information system, uploading all visit data</translation>
    </message>
    <message>
        <source>可直接联网结算</source>
        <translation>Direct online settlement</translation>
    </message>
    <message>
        <source>药品、诊疗项目、医用耗材等基础字典使用国家统一医保编码</source>
        <translation>Base dictionaries (drugs, treatment items, medical consumables, etc.) use the national unified medical-insurance codes</translation>
    </message>
    <message>
        <source>定点医疗机构申请表</source>
        <translation>Designated medical institution application form</translation>
    </message>
    <message>
        <source>医疗机构执业许可证（复印件）</source>
        <translation>Medical institution practice licence (copy)</translation>
    </message>
    <message>
        <source>与医保政策对应的内部管理制度和财务制度文本</source>
        <translation>Internal management and financial rules in line with medical-insurance policy</translation>
    </message>
    <message>
        <source>与医保有关的医疗机构信息系统相关材料</source>
        <translation>Documents on the institution&apos;s information system relevant to medical insurance</translation>
    </message>
    <message>
        <source>纳入定点后使用医保基金的预测性分析报告</source>
        <translation>Forecast of medical-insurance fund use after designation</translation>
    </message>
    <message>
        <source>统一社会信用代码证书及法定代表人身份证明</source>
        <translation>Unified social credit code certificate and the legal representative&apos;s proof of identity</translation>
    </message>
    <message>
        <source>医疗服务人员信息表</source>
        <translation>Medical staff information form</translation>
    </message>
    <message>
        <source>大型设备清单</source>
        <translation>List of major equipment</translation>
    </message>
    <message>
        <source>申请材料真实性声明</source>
        <translation>Declaration that the application materials are true</translation>
    </message>
    <message>
        <source>省级医疗保障部门规定的其他材料</source>
        <translation>Other materials required by the provincial healthcare security authority</translation>
    </message>
    <message>
        <source>内设医疗机构并取得执业许可</source>
        <translation>Internal medical facility with a practice licence</translation>
    </message>
    <message>
        <source>正式运营满3个月</source>
        <translation>In formal operation for at least 3 months</translation>
    </message>
    <message>
        <source>至少1名在本机构首次注册的医师</source>
        <translation>At least 1 physician first registered at this institution</translation>
    </message>
    <message>
        <source>设立医保管理部门并配备专职人员</source>
        <translation>Medical-insurance department with full-time staff</translation>
    </message>
    <message>
        <source>主要负责人负责医保工作并配备专（兼）职医保管理人员</source>
        <translation>Head of the institution responsible for medical insurance, with full- or part-time medical-insurance staff</translation>
    </message>
    <message>
        <source>医保管理、财务、统计信息、医疗质量安全核心制度</source>
        <translation>Medical-insurance management, financial, statistical information and core medical quality and safety rules</translation>
    </message>
    <message>
        <source>信息系统符合医保接口与编码标准</source>
        <translation>Information system meets medical-insurance interface and coding standards</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>登记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>无有效评估</source>
        <translation>No valid assessment</translation>
    </message>
    <message>
        <source>60岁以下</source>
        <translation>Under 60</translation>
    </message>
    <message>
        <source>本地</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>外地</source>
        <translation>Non-local</translation>
    </message>
    <message>
        <source>无类别</source>
        <translation>No category</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>入住</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>出院</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>换床</source>
        <translation>Bed move</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>建设补贴</source>
        <translation>Construction subsidy</translation>
    </message>
    <message>
        <source>运营补贴</source>
        <translation>Operating subsidy</translation>
    </message>
    <message>
        <source>医保定点</source>
        <translation>Insurance designation</translation>
    </message>
    <message>
        <source>自理</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>介助</source>
        <translation>Assisted</translation>
    </message>
    <message>
        <source>介助一级</source>
        <translation>Assisted, level 1</translation>
    </message>
    <message>
        <source>介助二级</source>
        <translation>Assisted, level 2</translation>
    </message>
    <message>
        <source>介护</source>
        <translation>Dependent care</translation>
    </message>
    <message>
        <source>特护</source>
        <translation>Special care</translation>
    </message>
    <message>
        <source>1个月内已告知</source>
        <translation>Given within a month</translation>
    </message>
    <message>
        <source>超过1个月才告知</source>
        <translation>Given after more than a month</translation>
    </message>
    <message>
        <source>尚未告知</source>
        <translation>Not given yet</translation>
    </message>
    <message>
        <source>超过1个月未告知</source>
        <translation>Overdue (over a month)</translation>
    </message>
    <message>
        <source>未参加长护险</source>
        <translation>Not LTC-insured</translation>
    </message>
    <message>
        <source>未登记长护险等级</source>
        <translation>No LTC level registered</translation>
    </message>
    <message>
        <source>长护险等级已过期</source>
        <translation>LTC level expired</translation>
    </message>
    <message>
        <source>等级不在待遇范围</source>
        <translation>Level not covered</translation>
    </message>
    <message>
        <source>参保地不适用本配置</source>
        <translation>Insured elsewhere</translation>
    </message>
    <message>
        <source>全月住院</source>
        <translation>In hospital all month</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>The resident</translation>
    </message>
    <message>
        <source>家属</source>
        <translation>The family</translation>
    </message>
    <message>
        <source>本人和家属</source>
        <translation>Resident and family</translation>
    </message>
</context>
<context>
    <name>msg</name>
    <message>
        <source>请选择床位类型</source>
        <translation>Please choose a bed type</translation>
    </message>
    <message>
        <source>医疗床位须选择子类型（康复/护理/安宁疗护）</source>
        <translation>A medical bed needs a sub-type (rehabilitation/nursing/hospice)</translation>
    </message>
    <message>
        <source>只有医疗床位有子类型</source>
        <translation>Only medical beds have a sub-type</translation>
    </message>
    <message>
        <source>请填写身份证号</source>
        <translation>Please enter the ID number</translation>
    </message>
    <message>
        <source>这是旧的15位身份证号，请填写现行的18位号码</source>
        <translation>This is an old 15-digit ID number; please enter the current 18-digit number</translation>
    </message>
    <message>
        <source>身份证号应为18位（现在是{n}位）</source>
        <translation>An ID number has 18 characters ({n} entered)</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，最后一位为数字或X</source>
        <translation>The first 17 characters of an ID number are digits and the last is a digit or X</translation>
    </message>
    <message>
        <source>身份证号开头的地区代码“{code}”不存在</source>
        <translation>The region code &quot;{code}&quot; at the start of the ID number does not exist</translation>
    </message>
    <message>
        <source>身份证号中的出生日期“{d}”不是有效日期</source>
        <translation>The birth date &quot;{d}&quot; in the ID number is not a valid date</translation>
    </message>
    <message>
        <source>身份证号中的出生日期“{d}”不合理</source>
        <translation>The birth date &quot;{d}&quot; in the ID number is not plausible</translation>
    </message>
    <message>
        <source>身份证号校验位不对：最后一位应为“{c}”，请核对是否输错</source>
        <translation>The ID number&apos;s check character is wrong: the last character should be &quot;{c}&quot;; please check for a typing error</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位（现在是{n}位）</source>
        <translation>A unified social credit code has 18 characters ({n} entered)</translation>
    </message>
    <message>
        <source>统一社会信用代码含有不允许的字符“{ch}”（不使用I、O、Z、S、V）</source>
        <translation>The unified social credit code contains the character &quot;{ch}&quot;, which is not allowed (I, O, Z, S and V are not used)</translation>
    </message>
    <message>
        <source>统一社会信用代码校验位不对：最后一位应为“{c}”，请核对</source>
        <translation>The unified social credit code&apos;s check character is wrong: the last character should be &quot;{c}&quot;; please check</translation>
    </message>
    <message>
        <source>数据不符合要求，未保存：{err}</source>
        <translation>The data break a rule and were not saved: {err}</translation>
    </message>
    <message>
        <source>与服务器数据库的连接中断，本次修改没有保存：{err}。请检查网络后重新打开程序。</source>
        <translation>The connection to the server database was lost; this change was not saved: {err}. Check the network and open the program again.</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>Please fill in: {label}</translation>
    </message>
    <message>
        <source>{label}太长（最多{n}个字）</source>
        <translation>{label} is too long (at most {n} characters)</translation>
    </message>
    <message>
        <source>{label}只能是：{opts}</source>
        <translation>{label} must be one of: {opts}</translation>
    </message>
    <message>
        <source>{label}“{v}”不是有效日期（格式：2026-01-31）</source>
        <translation>{label} &quot;{v}&quot; is not a valid date (format: 2026-01-31)</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>房间号</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>床号</source>
        <translation>Bed number</translation>
    </message>
    <message>
        <source>床位来源</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>租赁到期日</source>
        <translation>Lease end date</translation>
    </message>
    <message>
        <source>租赁的床位请填写租赁到期日</source>
        <translation>Please enter the lease end date of a rented bed</translation>
    </message>
    <message>
        <source>投入使用日期</source>
        <translation>Service start date</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>评估基准日期</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>评估基准日期应在出生日期之后、今天或之前</source>
        <translation>The assessment date must be after the date of birth and not after today</translation>
    </message>
    <message>
        <source>评估原因</source>
        <translation>Reason for assessment</translation>
    </message>
    <message>
        <source>评估员1</source>
        <translation>Assessor 1</translation>
    </message>
    <message>
        <source>评估员2</source>
        <translation>Assessor 2</translation>
    </message>
    <message>
        <source>信息提供者</source>
        <translation>Informant</translation>
    </message>
    <message>
        <source>与老人关系</source>
        <translation>Relation to the resident</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>两名评估员应为不同的人</source>
        <translation>The two assessors must be different people</translation>
    </message>
    <message>
        <source>疾病编码“{code}”不是有效的 ICD-10 编码（如 I10、F03.1）</source>
        <translation>&quot;{code}&quot; is not a valid ICD-10 code (e.g. I10, F03.1)</translation>
    </message>
    <message>
        <source>照护风险事件“{k}”的次数应为0及以上的整数</source>
        <translation>The count of care-risk event &quot;{k}&quot; must be a whole number, 0 or more</translation>
    </message>
    <message>
        <source>评估答案格式不对</source>
        <translation>The answers are malformed</translation>
    </message>
    <message>
        <source>评估记录不属于这位老人</source>
        <translation>The assessment belongs to another resident</translation>
    </message>
    <message>
        <source>评估记录不存在</source>
        <translation>The assessment does not exist</translation>
    </message>
    <message>
        <source>已完成的评估不能删除</source>
        <translation>A completed assessment cannot be deleted</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation>Kind of event</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>发生日期不能晚于今天</source>
        <translation>The date cannot be after today</translation>
    </message>
    <message>
        <source>{d} 住院返回</source>
        <translation>back from hospital on {d}</translation>
    </message>
    <message>
        <source>近30天照护风险事件 {n} 次</source>
        <translation>{n} care-risk events in the last 30 days</translation>
    </message>
    <message>
        <source>{name}：每个等级都要对应一个护理等级</source>
        <translation>{name}: every grade needs a care level</translation>
    </message>
    <message>
        <source>常规复评间隔应为 1 到 24 个月</source>
        <translation>The routine reassessment interval must be 1 to 24 months</translation>
    </message>
    <message>
        <source>床位 {label} 已存在</source>
        <translation>Bed {label} already exists</translation>
    </message>
    <message>
        <source>一个房间一次可添加1至20张床位</source>
        <translation>A room can be given 1 to 20 beds at a time</translation>
    </message>
    <message>
        <source>床位不存在</source>
        <translation>The bed does not exist</translation>
    </message>
    <message>
        <source>变更日期不能早于床位投入使用日期 {d}</source>
        <translation>The change date cannot be before the bed&apos;s service start date {d}</translation>
    </message>
    <message>
        <source>这张床位在 {d} 已有一条同类变更，请换一个日期或先撤销那条</source>
        <translation>This bed already has a change of this kind on {d}; choose another date or undo that one first</translation>
    </message>
    <message>
        <source>变更日期</source>
        <translation>Date of change</translation>
    </message>
    <message>
        <source>该床位在这一天已经是{t}</source>
        <translation>On that day the bed already is: {t}</translation>
    </message>
    <message>
        <source>{name} 在这一天或之后占用这张床位，请先为其换床或办理出院</source>
        <translation>{name} holds this bed on or after that day; move or discharge the resident first</translation>
    </message>
    <message>
        <source>请选择床位</source>
        <translation>Please choose a bed</translation>
    </message>
    <message>
        <source>床位 {label} 在 {d} 才投入使用</source>
        <translation>Bed {label} only enters service on {d}</translation>
    </message>
    <message>
        <source>床位 {label} 当时处于{s}状态</source>
        <translation>Bed {label} was {s} at that time</translation>
    </message>
    <message>
        <source>床位 {label} 自 {d} 起为{s}状态</source>
        <translation>Bed {label} is {s} from {d}</translation>
    </message>
    <message>
        <source>床位 {label} 这段时间已由 {name} 入住</source>
        <translation>Bed {label} is taken by {name} during that time</translation>
    </message>
    <message>
        <source>这张床位有入住记录，不能删除；如不再使用，请将状态改为停用</source>
        <translation>This bed has residence records and cannot be deleted; set it out of use instead</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>申请种类只能是：{opts}</source>
        <translation>The application type must be one of: {opts}</translation>
    </message>
    <message>
        <source>申请表还缺少机构资料：{fields}。请先在“机构信息”中填写。</source>
        <translation>The application still lacks institution details: {fields}. Fill them in under “Institution” first.</translation>
    </message>
    <message>
        <source>无法创建文件夹 {path}：{err}</source>
        <translation>Cannot create the folder {path}: {err}</translation>
    </message>
    <message>
        <source>正在填写 Excel 申请表…</source>
        <translation>Filling in the Excel form…</translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <source>正在登记申报记录…</source>
        <translation>Recording the application…</translation>
    </message>
    <message>
        <source>模板有误：{err}</source>
        <translation>The template is faulty: {err}</translation>
    </message>
    <message>
        <source>文件 {path} 无法写入（可能正在 Excel/WPS 中打开），请关闭后重试</source>
        <translation>The file {path} cannot be written (it may be open in Excel/WPS); close it and try again</translation>
    </message>
    <message>
        <source>运营补贴申请表与花名册</source>
        <translation>Operating subsidy application and roster</translation>
    </message>
    <message>
        <source>申请金额为0元。{why}</source>
        <translation>The amount applied for is 0 yuan. {why}</translation>
    </message>
    <message>
        <source>没有符合条件的床位或床次</source>
        <translation>no bed or bed-month qualifies</translation>
    </message>
    <message>
        <source>{months}不在政策配置的有效期内（{force}），没有计入</source>
        <translation>{months} are outside the policy profile&apos;s period in force ({force}) and were not counted</translation>
    </message>
    <message>
        <source>政策配置“{title}”适用于{region}，本机构的行政区划是{mine}：请确认选对了政策配置</source>
        <translation>Policy profile “{title}” is for {region}, but this institution is in {mine}: please check the profile chosen</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Administrative division code</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Administrative division</translation>
    </message>
    <message>
        <source>举办性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>营利性质</source>
        <translation>Profit status</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Institution kind</translation>
    </message>
    <message>
        <source>养老机构备案/设立许可编号</source>
        <translation>Elderly-care filing / licence number</translation>
    </message>
    <message>
        <source>内设医疗机构</source>
        <translation>Internal medical facility</translation>
    </message>
    <message>
        <source>医疗机构执业许可证号</source>
        <translation>Medical institution practice licence number</translation>
    </message>
    <message>
        <source>执业许可证日期</source>
        <translation>Practice licence date</translation>
    </message>
    <message>
        <source>正式运营日期</source>
        <translation>Formal operation start date</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法人登记证书号</source>
        <translation>Legal-person registration certificate number</translation>
    </message>
    <message>
        <source>设立时间</source>
        <translation>Date established</translation>
    </message>
    <message>
        <source>邮政编码</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>核准床位数</source>
        <translation>Approved number of beds</translation>
    </message>
    <message>
        <source>核准床位数应为正整数</source>
        <translation>The approved number of beds must be a positive whole number</translation>
    </message>
    <message>
        <source>邮政编码应为6位数字</source>
        <translation>A postcode has 6 digits</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Building area</translation>
    </message>
    <message>
        <source>建筑面积应为大于0的数字（平方米）</source>
        <translation>The building area must be a number above 0 (square metres)</translation>
    </message>
    <message>
        <source>行政区划代码应为6、9或12位数字</source>
        <translation>The administrative division code has 6, 9 or 12 digits</translation>
    </message>
    <message>
        <source>有内设医疗机构时请填写医疗机构执业许可证号</source>
        <translation>With an internal medical facility, please enter its practice licence number</translation>
    </message>
    <message>
        <source>银行账号只能包含数字</source>
        <translation>A bank account number contains digits only</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>编号</source>
        <extracomment>Field labels shared by every table, then per table where the same name means something else.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>出生日期与身份证号不一致（身份证上是 {d}）</source>
        <translation>The date of birth does not match the ID number (the ID number says {d})</translation>
    </message>
    <message>
        <source>性别与身份证号不一致（身份证上是{s}）</source>
        <translation>The sex does not match the ID number (the ID number says {s})</translation>
    </message>
    <message>
        <source>身份证号已登记在老人“{name}”名下</source>
        <translation>This ID number is already registered for resident &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>人员类别“{x}”不在可选范围：{opts}</source>
        <translation>Category &quot;{x}&quot; is not one of: {opts}</translation>
    </message>
    <message>
        <source>请选择户籍：本地或外地（运营补贴按户籍计算）</source>
        <translation>Choose the registration: local or non-local (the operating subsidy depends on it)</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Household registration address</translation>
    </message>
    <message>
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>紧急联系人{n}：请填写姓名</source>
        <translation>Emergency contact {n}: please enter the name</translation>
    </message>
    <message>
        <source>紧急联系人{n}：请填写电话</source>
        <translation>Emergency contact {n}: please enter the phone number</translation>
    </message>
    <message>
        <source>老人记录不存在</source>
        <translation>The resident record does not exist</translation>
    </message>
    <message>
        <source>入住记录不存在</source>
        <translation>The stay record does not exist</translation>
    </message>
    <message>
        <source>入住记录没有床位</source>
        <translation>The stay has no bed</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <source>入住日期不能晚于今天30天以上</source>
        <translation>The admission date cannot be more than 30 days after today</translation>
    </message>
    <message>
        <source>这位老人自 {d} 起在住，尚未出院</source>
        <translation>This resident has been in residence since {d} and is not discharged</translation>
    </message>
    <message>
        <source>这位老人在 {a} 至 {b} 已有一次入住，与所选日期重叠</source>
        <translation>This resident already has a stay from {a} to {b}, which overlaps the chosen date</translation>
    </message>
    <message>
        <source>换床日期</source>
        <translation>Date of move</translation>
    </message>
    <message>
        <source>请选择新床位</source>
        <translation>Please choose the new bed</translation>
    </message>
    <message>
        <source>已出院的入住记录不能换床</source>
        <translation>A discharged stay cannot change beds</translation>
    </message>
    <message>
        <source>新床位与当前床位相同</source>
        <translation>The new bed is the current bed</translation>
    </message>
    <message>
        <source>换床日期不能早于住进当前床位的日期 {d}</source>
        <translation>The move cannot be before the day the resident took the current bed ({d})</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>离开日期</source>
        <translation>Date of leaving</translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation>Date of return</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>返回日期不能早于离开日期</source>
        <translation>The return date cannot be before the leaving date</translation>
    </message>
    <message>
        <source>请假时间须在入住期间内</source>
        <translation>Leave must fall within the stay</translation>
    </message>
    <message>
        <source>与 {d} 开始的另一次外出重叠</source>
        <translation>Overlaps another absence starting on {d}</translation>
    </message>
    <message>
        <source>外出记录不存在</source>
        <translation>The absence record does not exist</translation>
    </message>
    <message>
        <source>返回日期不能早于离开日期 {d}</source>
        <translation>The return date cannot be before the leaving date {d}</translation>
    </message>
    <message>
        <source>出院日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>出院原因</source>
        <translation>Discharge reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>这次入住已于 {d} 出院</source>
        <translation>This stay was already discharged on {d}</translation>
    </message>
    <message>
        <source>出院日期不能早于住进当前床位的日期 {d}</source>
        <translation>The discharge cannot be before the day the resident took the current bed ({d})</translation>
    </message>
    <message>
        <source>出院日期早于 {d} 开始的外出记录</source>
        <translation>The discharge date is before an absence starting on {d}</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>执业证书编号</source>
        <translation>Practice certificate number</translation>
    </message>
    <message>
        <source>资格证书编号</source>
        <translation>Qualification certificate number</translation>
    </message>
    <message>
        <source>其他证书</source>
        <translation>Other certificates</translation>
    </message>
    <message>
        <source>用工方式</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>离职日期不能早于入职日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>身份证号已登记在员工“{name}”名下</source>
        <translation>This ID number is already registered for staff member &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>医师请填写医师执业证书编号</source>
        <translation>A physician needs a practice certificate number</translation>
    </message>
    <message>
        <source>员工记录不存在</source>
        <translation>The staff record does not exist</translation>
    </message>
    <message>
        <source>无法读取数据文件 {path}：{err}</source>
        <translation>Cannot read the data file {path}: {err}</translation>
    </message>
    <message>
        <source>文件 {path} 不是医养台账的数据文件（也不是 SQLite 数据库），未做任何改动。</source>
        <translation>The file {path} is not a Yiyang data file (not even an SQLite database); nothing was changed.</translation>
    </message>
    <message>
        <source>数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。</source>
        <translation>The data file {path} is damaged or cannot be opened ({err}); nothing was changed.</translation>
    </message>
    <message>
        <source>文件 {path} 是其他程序的数据库，不是医养台账的数据文件，未做任何改动。</source>
        <translation>The file {path} is another program&apos;s database, not a Yiyang data file; nothing was changed.</translation>
    </message>
    <message>
        <source>数据文件 {path} 由更新版本的医养台账创建（数据版本 {v}，本程序支持到 {m}），请先升级程序。</source>
        <translation>The data file {path} was made by a newer version of Yiyang Desktop (data version {v}; this program supports up to {m}); please upgrade the program first.</translation>
    </message>
    <message>
        <source>文件 {path} 不存在或是空文件，不是医养台账的数据文件。</source>
        <translation>The file {path} does not exist or is empty; it is not a Yiyang Desktop data file.</translation>
    </message>
    <message>
        <source>数据文件 {path} 是只读的（或所在文件夹不能写入），无法保存任何修改，未做任何改动。请检查文件属性和文件夹权限，或把文件复制到可以写入的文件夹再打开。</source>
        <translation>The data file {path} is read-only (or its folder cannot be written to), so no changes can be saved; nothing was changed. Check the file properties and folder permissions, or copy the file to a writable folder and open it there.</translation>
    </message>
    <message>
        <source>数据文件 {path} 暂时无法写入（{err}），请稍后再试。</source>
        <translation>The data file {path} cannot be written at the moment ({err}); please try again shortly.</translation>
    </message>
    <message>
        <source>数据文件 {path} 在网络共享文件夹上（{kind}），单机版不能在这里保存数据：几台电脑同时写同一个共享文件会把它损坏。请把数据文件放在本机磁盘上；几台电脑要共用一个机构的数据，请使用网络版（PostgreSQL 服务器，见使用说明“网络版”一节）。</source>
        <translation>The data file {path} is in a network shared folder ({kind}); the single-PC edition cannot save data there: several computers writing one shared file would damage it. Keep the data file on a local disk; for several computers sharing one institution&apos;s data, use the network edition (a PostgreSQL server, see the &quot;Network edition&quot; section of the manual).</translation>
    </message>
    <message>
        <source>找不到数据文件 {path}</source>
        <translation>The data file {path} cannot be found</translation>
    </message>
    <message>
        <source>无法创建数据文件夹 {path}：{err}</source>
        <translation>Cannot create the data folder {path}: {err}</translation>
    </message>
    <message>
        <source>升级数据文件 {path} 失败（{err}），文件保持原样。</source>
        <translation>Upgrading the data file {path} failed ({err}); the file is unchanged.</translation>
    </message>
    <message>
        <source>数据文件 {path} 完整性检查未通过：{err}</source>
        <translation>The data file {path} failed its integrity check: {err}</translation>
    </message>
    <message>
        <source>同一位老人的两次入住时间重叠</source>
        <translation>Two stays of the same resident overlap</translation>
    </message>
    <message>
        <source>该床位在这段时间已有老人入住</source>
        <translation>The bed is already taken during that time</translation>
    </message>
    <message>
        <source>同一次入住不能同时占用两张床位</source>
        <translation>One stay cannot hold two beds at once</translation>
    </message>
    <message>
        <source>同一位老人的两个长护险等级有效期重叠</source>
        <translation>Two LTC levels of the same resident overlap</translation>
    </message>
    <message>
        <source>未知的评估项目“{code}”（{inst}没有这一项）</source>
        <translation>Unknown item &quot;{code}&quot; ({inst} has no such item)</translation>
    </message>
    <message>
        <source>{code} {name}：{value} 不是允许的分值，可选：{allowed}</source>
        <translation>{code} {name}: {value} is not an allowed score; allowed: {allowed}</translation>
    </message>
    <message>
        <source>缺少 {code} {name} 的评分，可选：{allowed}</source>
        <translation>Missing score for {code} {name}; allowed: {allowed}</translation>
    </message>
    <message>
        <source>“昏迷”应为是或否</source>
        <translation>&quot;Coma&quot; must be yes or no</translation>
    </message>
    <message>
        <source>疾病诊断应为 ICD-10 编码的列表，如 [&quot;F01&quot;, &quot;I10&quot;]</source>
        <translation>Diagnoses must be a list of ICD-10 codes, e.g. [&quot;F01&quot;, &quot;I10&quot;]</translation>
    </message>
    <message>
        <source>近30天照护风险事件次数应为不小于0的整数</source>
        <translation>The number of care-risk events in the last 30 days must be a whole number of 0 or more</translation>
    </message>
    <message>
        <source>评估答案格式不对：应为“项目编号: 分值”的对应表</source>
        <translation>The answers are malformed: expected a mapping of item code to score</translation>
    </message>
    <message>
        <source>评估量表文件 {file} 有误（{where}）：{problem}</source>
        <translation>Instrument file {file} is wrong ({where}): {problem}</translation>
    </message>
    <message>
        <source>缺少“{key}”</source>
        <translation>&quot;{key}&quot; is missing</translation>
    </message>
    <message>
        <source>类型不对</source>
        <translation>wrong type</translation>
    </message>
    <message>
        <source>第{line}行第{col}列</source>
        <translation>line {line}, column {col}</translation>
    </message>
    <message>
        <source>选项为空或分值重复</source>
        <translation>no options, or repeated points</translation>
    </message>
    <message>
        <source>项目编号重复</source>
        <translation>repeated item codes</translation>
    </message>
    <message>
        <source>引用了不存在的项目“{c}”</source>
        <translation>refers to item &quot;{c}&quot;, which does not exist</translation>
    </message>
    <message>
        <source>满分应为各项目最高分之和 {m}</source>
        <translation>the maximum must be the sum of the items&apos; maxima, {m}</translation>
    </message>
    <message>
        <source>每个项目应属于且只属于一个一级指标</source>
        <translation>every item must belong to exactly one indicator</translation>
    </message>
    <message>
        <source>等级应从0起连续编号</source>
        <translation>grades must be numbered from 0 without gaps</translation>
    </message>
    <message>
        <source>编号“{id}”应与文件名一致</source>
        <translation>the id &quot;{id}&quot; must match the file name</translation>
    </message>
    <message>
        <source>分数 {v} 落在 {n} 个分段中（应恰好1个）</source>
        <translation>score {v} falls in {n} bands (exactly 1 expected)</translation>
    </message>
    <message>
        <source>分段给出的等级 {g} 不存在</source>
        <translation>a band gives grade {g}, which does not exist</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>分段下限大于上限</source>
        <translation>the band&apos;s lower limit is above its upper limit</translation>
    </message>
    <message>
        <source>条件应含 all、any、not、count、var 之一</source>
        <translation>a condition needs one of all, any, not, count, var</translation>
    </message>
    <message>
        <source>条件列表为空</source>
        <translation>the list of conditions is empty</translation>
    </message>
    <message>
        <source>条件缺少 in、min 或 max</source>
        <translation>the condition lacks in, min or max</translation>
    </message>
    <message>
        <source>pick 应为 first 或 most_severe</source>
        <translation>pick must be first or most_severe</translation>
    </message>
    <message>
        <source>规则引用了未知变量“{v}”</source>
        <translation>a rule refers to the unknown value &quot;{v}&quot;</translation>
    </message>
    <message>
        <source>规则涉及的组合太多（{n}），无法逐一核对</source>
        <translation>the rules involve too many combinations ({n}) to check one by one</translation>
    </message>
    <message>
        <source>组合 {c} 没有任何规则覆盖</source>
        <translation>no rule covers the combination {c}</translation>
    </message>
    <message>
        <source>规则给出的等级 {g} 不存在</source>
        <translation>a rule gives grade {g}, which does not exist</translation>
    </message>
    <message>
        <source>未知的分级方式</source>
        <translation>unknown grading kind</translation>
    </message>
    <message>
        <source>未知的定级方式</source>
        <translation>unknown kind of initial grading</translation>
    </message>
    <message>
        <source>引用了不存在的一级指标</source>
        <translation>refers to an indicator that does not exist</translation>
    </message>
    <message>
        <source>文件不是 UTF-8 编码</source>
        <translation>the file is not UTF-8 encoded</translation>
    </message>
    <message>
        <source>结构不对（{err}）</source>
        <translation>unexpected structure ({err})</translation>
    </message>
    <message>
        <source>置信度应为 A、B、C 或 D</source>
        <translation>confidence must be A, B, C or D</translation>
    </message>
    <message>
        <source>等级 {g} 不存在</source>
        <translation>grade {g} does not exist</translation>
    </message>
    <message>
        <source>没有任何评估项目</source>
        <translation>there are no items</translation>
    </message>
    <message>
        <source>一级指标编号重复</source>
        <translation>repeated indicator codes</translation>
    </message>
    <message>
        <source>没有总分的量表不能按总分定级</source>
        <translation>an instrument without a total cannot be graded by total</translation>
    </message>
    <message>
        <source>组合矩阵应为 {n}×{n}</source>
        <translation>the combination matrix must be {n}×{n}</translation>
    </message>
    <message>
        <source>矩阵中有不存在的等级</source>
        <translation>the matrix holds a grade that does not exist</translation>
    </message>
    <message>
        <source>变更规则编号重复</source>
        <translation>repeated override ids</translation>
    </message>
    <message>
        <source>应为正整数</source>
        <translation>must be a positive whole number</translation>
    </message>
    <message>
        <source>变更规则缺少编号、说明或类型不对</source>
        <translation>an override lacks an id or description, or has an unknown kind</translation>
    </message>
    <message>
        <source>只支持“昏迷”标记，且等级须存在</source>
        <translation>only the &quot;coma&quot; flag is supported, and its grade must exist</translation>
    </message>
    <message>
        <source>上调规则缺少条件</source>
        <translation>a raise rule has no conditions</translation>
    </message>
    <message>
        <source>诊断范围应写成 [&quot;F00&quot;, &quot;F03&quot;] 的形式</source>
        <translation>a diagnosis range must be written like [&quot;F00&quot;, &quot;F03&quot;]</translation>
    </message>
    <message>
        <source>没有评估量表“{id}”，可用的有：{known}</source>
        <translation>There is no instrument &quot;{id}&quot;; available: {known}</translation>
    </message>
    <message>
        <source>草稿不能出具评估报告，请先完成评估</source>
        <translation>A draft has no report; complete the assessment first</translation>
    </message>
    <message>
        <source>转诊方向只能是：{opts}</source>
        <translation>The referral direction must be one of: {opts}</translation>
    </message>
    <message>
        <source>{direction}转诊没有“{state}”这一状态</source>
        <translation>A {direction} has no state “{state}”</translation>
    </message>
    <message>
        <source>这条转诊已是“{state}”，不能再变更</source>
        <translation>This referral is already “{state}” and cannot change any more</translation>
    </message>
    <message>
        <source>不能从“{a}”变为“{b}”；可选：{opts}</source>
        <translation>Cannot go from “{a}” to “{b}”; possible: {opts}</translation>
    </message>
    <message>
        <source>机构类别</source>
        <translation>Type of institution</translation>
    </message>
    <message>
        <source>医院等级</source>
        <translation>Hospital level</translation>
    </message>
    <message>
        <source>总机电话</source>
        <translation>Switchboard phone</translation>
    </message>
    <message>
        <source>距离</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>距离应为0至1000之间的数字（公里）</source>
        <translation>Distance must be a number from 0 to 1000 (km)</translation>
    </message>
    <message>
        <source>车程应为0至1440之间的整数（分钟）</source>
        <translation>Travel time must be a whole number from 0 to 1440 (minutes)</translation>
    </message>
    <message>
        <source>联系人{n}：请填写姓名</source>
        <translation>Contact {n}: please enter the name</translation>
    </message>
    <message>
        <source>联系人{n}：请填写电话</source>
        <translation>Contact {n}: please enter the phone</translation>
    </message>
    <message>
        <source>已登记过名为“{name}”的医疗机构</source>
        <translation>A medical institution named “{name}” is already registered</translation>
    </message>
    <message>
        <source>医疗机构记录不存在</source>
        <translation>The medical institution record does not exist</translation>
    </message>
    <message>
        <source>“{name}”已有 {a} 份合作协议、{r} 条转诊记录、{v} 次巡诊记录，不能删除；如不再合作，请终止协议。</source>
        <translation>“{name}” has {a} agreements, {r} referrals and {v} visits and cannot be deleted; if you no longer cooperate, terminate the agreement.</translation>
    </message>
    <message>
        <source>提前提醒天数应在0至365之间</source>
        <translation>Warning days must be between 0 and 365</translation>
    </message>
    <message>
        <source>合作服务“{x}”不在可选范围</source>
        <translation>Service “{x}” is not one of the options</translation>
    </message>
    <message>
        <source>上门巡诊：请选择巡诊频次（{opts}）</source>
        <translation>On-site rounds: choose how often ({opts})</translation>
    </message>
    <message>
        <source>上门巡诊：每期次数应为1至31</source>
        <translation>On-site rounds: visits per period must be 1 to 31</translation>
    </message>
    <message>
        <source>急诊急救应急通道：请填写响应时间（1至1440分钟）</source>
        <translation>Emergency channel: enter the response time (1 to 1440 minutes)</translation>
    </message>
    <message>
        <source>勾选了“其他”服务时请写明内容</source>
        <translation>Please describe the “Other” service</translation>
    </message>
    <message>
        <source>请至少勾选一项合作服务</source>
        <translation>Tick at least one agreed service</translation>
    </message>
    <message>
        <source>费用{n}：请填写收费项目</source>
        <translation>Fee {n}: enter the item</translation>
    </message>
    <message>
        <source>费用{n}：请选择付费方</source>
        <translation>Fee {n}: choose who pays</translation>
    </message>
    <message>
        <source>费用{n}：请选择计费方式</source>
        <translation>Fee {n}: choose how it is charged</translation>
    </message>
    <message>
        <source>费用{n}：金额“{v}”应为不小于0的数字（元）</source>
        <translation>Fee {n}: amount “{v}” must be a number of at least 0 (yuan)</translation>
    </message>
    <message>
        <source>既往史</source>
        <translation>Past illnesses</translation>
    </message>
    <message>
        <source>慢性病</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>过敏史</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>禁忌药物</source>
        <translation>Contraindicated drugs</translation>
    </message>
    <message>
        <source>饮食禁忌</source>
        <translation>Diet restrictions</translation>
    </message>
    <message>
        <source>家庭医生</source>
        <translation>Family doctor</translation>
    </message>
    <message>
        <source>请选择合作医疗机构</source>
        <translation>Choose the partner medical institution</translation>
    </message>
    <message>
        <source>合作医疗机构无效</source>
        <translation>Invalid partner institution</translation>
    </message>
    <message>
        <source>合作医疗机构不存在</source>
        <translation>The partner institution does not exist</translation>
    </message>
    <message>
        <source>{label}早于老人的出生日期</source>
        <translation>{label} is before the resident&apos;s date of birth</translation>
    </message>
    <message>
        <source>记录日期</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>Contracted since</translation>
    </message>
    <message>
        <source>填写了签约日期，请同时填写家庭医生</source>
        <translation>A contract date is given: please also enter the family doctor</translation>
    </message>
    <message>
        <source>与当前的健康档案相同，没有需要保存的改动</source>
        <translation>Same as the current health file: nothing to save</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>体检机构</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>请填写做体检的机构</source>
        <translation>Please enter who did the check</translation>
    </message>
    <message>
        <source>体检医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>主要发现</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>健康指导建议</source>
        <translation>Health advice</translation>
    </message>
    <message>
        <source>告知对象</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>告知说明</source>
        <translation>Note on giving the result</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Result given on</translation>
    </message>
    <message>
        <source>告知日期早于体检日期</source>
        <translation>The result date is before the check date</translation>
    </message>
    <message>
        <source>请选择把结果告知了谁</source>
        <translation>Please choose to whom the result was given</translation>
    </message>
    <message>
        <source>这位老人在 {d} 已登记过体检</source>
        <translation>This resident already has a check recorded on {d}</translation>
    </message>
    <message>
        <source>体检记录不存在</source>
        <translation>The check does not exist</translation>
    </message>
    <message>
        <source>体检报告记录不存在</source>
        <translation>The report does not exist</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>老人</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>入住</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>合作机构</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>巡诊</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>补贴申请</source>
        <translation>Subsidy application</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>拼音首字母</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>本地户籍</source>
        <translation>Local hukou</translation>
    </message>
    <message>
        <source>老人类别</source>
        <translation>Resident categories</translation>
    </message>
    <message>
        <source>医保类型</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>长护险</source>
        <translation>LTC insurance</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>离院日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>离院原因</source>
        <translation>Discharge reason</translation>
    </message>
    <message>
        <source>离院说明</source>
        <translation>Discharge note</translation>
    </message>
    <message>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>建设方式</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>租赁到期</source>
        <translation>Lease ends</translation>
    </message>
    <message>
        <source>细分类型</source>
        <translation>Sub-type</translation>
    </message>
    <message>
        <source>首次注册</source>
        <translation>First registration</translation>
    </message>
    <message>
        <source>所有制</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>备案/许可编号</source>
        <translation>Filing/licence no.</translation>
    </message>
    <message>
        <source>医疗许可日期</source>
        <translation>Medical licence date</translation>
    </message>
    <message>
        <source>开业日期</source>
        <translation>Opening date</translation>
    </message>
    <message>
        <source>法人证书编号</source>
        <translation>Legal-person certificate no.</translation>
    </message>
    <message>
        <source>核定床位数</source>
        <translation>Approved beds</translation>
    </message>
    <message>
        <source>成立日期</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>设置值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>评估量表</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>量表版本</source>
        <translation>Instrument version</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>昏迷</source>
        <translation>Coma</translation>
    </message>
    <message>
        <source>疾病诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>风险事件</source>
        <translation>Risk events</translation>
    </message>
    <message>
        <source>评估答案</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>评估结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total score</translation>
    </message>
    <message>
        <source>初步等级</source>
        <translation>Initial grade</translation>
    </message>
    <message>
        <source>最终等级</source>
        <translation>Final grade</translation>
    </message>
    <message>
        <source>等级名称</source>
        <translation>Grade name</translation>
    </message>
    <message>
        <source>事件日期</source>
        <translation>Event date</translation>
    </message>
    <message>
        <source>接诊科室</source>
        <translation>Receiving department</translation>
    </message>
    <message>
        <source>转诊医生电话</source>
        <translation>Referring doctor&apos;s phone</translation>
    </message>
    <message>
        <source>现病史</source>
        <translation>Present illness</translation>
    </message>
    <message>
        <source>转诊指征</source>
        <translation>Indications</translation>
    </message>
    <message>
        <source>指征说明</source>
        <translation>Indication note</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>转诊入院</source>
        <translation>Admitted on referral</translation>
    </message>
    <message>
        <source>入院日期</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <source>住院请假</source>
        <translation>Hospital leave</translation>
    </message>
    <message>
        <source>回转诊断</source>
        <translation>Return diagnosis</translation>
    </message>
    <message>
        <source>住院号</source>
        <translation>Hospital record no.</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>后续治疗建议</source>
        <translation>Follow-up advice</translation>
    </message>
    <message>
        <source>回转医生</source>
        <translation>Returning doctor</translation>
    </message>
    <message>
        <source>回转医生电话</source>
        <translation>Returning doctor&apos;s phone</translation>
    </message>
    <message>
        <source>回转接收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>需重新评估日期</source>
        <translation>Reassessment due</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>Closing reason</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>医保定点</source>
        <translation>Insurance-designated</translation>
    </message>
    <message>
        <source>距离（公里）</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>车程（分钟）</source>
        <translation>Travel time (min)</translation>
    </message>
    <message>
        <source>到期日期</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>我方责任</source>
        <translation>Our duties</translation>
    </message>
    <message>
        <source>对方责任</source>
        <translation>Partner&apos;s duties</translation>
    </message>
    <message>
        <source>续签自</source>
        <translation>Renews</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <source>付费方</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>计费方式</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>服务项目</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>响应时间（分钟）</source>
        <translation>Response time (min)</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>保存名</source>
        <translation>Stored as</translation>
    </message>
    <message>
        <source>校验值</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Granted on</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>巡诊记录</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <source>参数内容</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>报表数字</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>明细</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>报送人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>报送时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>更正的版本</source>
        <translation>Corrects version</translation>
    </message>
    <message>
        <source>配置版本</source>
        <translation>Profile version</translation>
    </message>
    <message>
        <source>申报期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>申请内容</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>核定金额</source>
        <translation>Approved amount</translation>
    </message>
    <message>
        <source>核定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>连续错误次数</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>须修改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>密码修改时间</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>既往病史</source>
        <translation>Past illnesses</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>体检机构类别</source>
        <translation>Provider kind</translation>
    </message>
    <message>
        <source>体检</source>
        <translation>Health check</translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>导出内容</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>保存位置</source>
        <translation>Saved to</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Agreement number</translation>
    </message>
    <message>
        <source>养老机构责任</source>
        <translation>Duties of the care home</translation>
    </message>
    <message>
        <source>医疗机构责任</source>
        <translation>Duties of the medical institution</translation>
    </message>
    <message>
        <source>到期日期不能早于生效日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>签订日期不能晚于到期日期</source>
        <translation>The signing date cannot be after the end date</translation>
    </message>
    <message>
        <source>签订日期不能晚于今天</source>
        <translation>The signing date cannot be after today</translation>
    </message>
    <message>
        <source>与该机构的协议编号“{n}”已存在</source>
        <translation>An agreement numbered “{n}” with this institution already exists</translation>
    </message>
    <message>
        <source>这份协议已续签过（新协议自 {d} 生效），请在新协议上续签</source>
        <translation>This agreement was already renewed (the new one is valid from {d}); renew the new one</translation>
    </message>
    <message>
        <source>已终止的协议不能续签，请新建协议</source>
        <translation>A terminated agreement cannot be renewed; create a new agreement</translation>
    </message>
    <message>
        <source>续签协议须与原协议是同一医疗机构</source>
        <translation>A renewal must be with the same medical institution</translation>
    </message>
    <message>
        <source>续签协议的生效日期须晚于原协议的生效日期 {d}</source>
        <translation>The renewal must start after the original&apos;s start date {d}</translation>
    </message>
    <message>
        <source>生效日期不能晚于终止日期 {d}</source>
        <translation>The start date cannot be after the termination date {d}</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Terminated on</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for termination</translation>
    </message>
    <message>
        <source>这份协议已于 {d} 终止</source>
        <translation>This agreement was terminated on {d}</translation>
    </message>
    <message>
        <source>终止日期不能早于生效日期 {d}</source>
        <translation>The termination date cannot be before the start date {d}</translation>
    </message>
    <message>
        <source>协议已于 {d} 到期，无需终止</source>
        <translation>The agreement expired on {d}; no need to terminate it</translation>
    </message>
    <message>
        <source>合作协议记录不存在</source>
        <translation>The agreement record does not exist</translation>
    </message>
    <message>
        <source>找不到文件 {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>文件 {path} 是空的</source>
        <translation>The file {path} is empty</translation>
    </message>
    <message>
        <source>文件太大（{mb} MB），扫描件请不超过50 MB</source>
        <translation>The file is too large ({mb} MB); scans must be 50 MB or less</translation>
    </message>
    <message>
        <source>这个文件已经添加过了</source>
        <translation>This file has already been added</translation>
    </message>
    <message>
        <source>无法复制文件到数据文件夹：{err}</source>
        <translation>Cannot copy the file into the data folder: {err}</translation>
    </message>
    <message>
        <source>扫描件记录不存在</source>
        <translation>The scan record does not exist</translation>
    </message>
    <message>
        <source>巡诊日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>请选择医疗机构</source>
        <translation>Choose the medical institution</translation>
    </message>
    <message>
        <source>巡诊医生</source>
        <translation>Visiting doctor</translation>
    </message>
    <message>
        <source>巡诊情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>巡诊日期不能晚于今天</source>
        <translation>The visit date cannot be after today</translation>
    </message>
    <message>
        <source>{name} 在 {d} 不在院，不能记为巡诊对象</source>
        <translation>{name} was not living here on {d} and cannot be listed as seen</translation>
    </message>
    <message>
        <source>巡诊记录不存在</source>
        <translation>The visit record does not exist</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>Receiving doctor</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>Present illness (reason for referral)</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>Past medical history</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>Treatment given</translation>
    </message>
    <message>
        <source>指征补充说明</source>
        <translation>Indication notes</translation>
    </message>
    <message>
        <source>转运方式</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>陪同人员</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record number</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>医院转诊医生</source>
        <translation>Hospital&apos;s referring doctor</translation>
    </message>
    <message>
        <source>本院接诊医生</source>
        <translation>Our receiving doctor</translation>
    </message>
    <message>
        <source>转诊指征“{x}”太长（最多50个字）</source>
        <translation>Referral indication “{x}” is too long (at most 50 characters)</translation>
    </message>
    <message>
        <source>{label}“{v}”不是有效的日期时间（格式：2026-01-31 09:30）</source>
        <translation>{label} “{v}” is not a valid date and time (format: 2026-01-31 09:30)</translation>
    </message>
    <message>
        <source>转诊记录不存在</source>
        <translation>The referral record does not exist</translation>
    </message>
    <message>
        <source>转诊方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>转诊时间</source>
        <translation>Referred at</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>请选择老人</source>
        <translation>Choose the resident</translation>
    </message>
    <message>
        <source>请填写主要现病史（转出原因）</source>
        <translation>Enter the present illness (reason for referral)</translation>
    </message>
    <message>
        <source>请填写医院的诊断结果</source>
        <translation>Enter the hospital&apos;s diagnosis</translation>
    </message>
    <message>
        <source>转诊指征“{x}”不在设置的列表中</source>
        <translation>Referral indication “{x}” is not in the list in the settings</translation>
    </message>
    <message>
        <source>转诊时间不能晚于今天</source>
        <translation>The referral time cannot be after today</translation>
    </message>
    <message>
        <source>{name} 在 {d} 不在本院入住，不能登记转诊</source>
        <translation>{name} was not living at the home on {d}; a referral cannot be logged</translation>
    </message>
    <message>
        <source>转诊状态已变更过，不能再更改老人或转诊方向</source>
        <translation>The referral has moved on; the resident or direction can no longer change</translation>
    </message>
    <message>
        <source>转诊时间不能晚于状态变更日期 {d}</source>
        <translation>The referral time cannot be after the state change on {d}</translation>
    </message>
    <message>
        <source>这位老人已有一条未结束的上转记录（{d}，{state}），请先处理那一条</source>
        <translation>This resident already has an open up-referral ({d}, {state}); deal with that one first</translation>
    </message>
    <message>
        <source>转诊状态已变更过，不能删除；如登记有误，请用“变更状态”→“已结束”并写明原因</source>
        <translation>The referral has moved on and cannot be deleted; if it was logged by mistake, use “Change state” → “Closed” with a reason</translation>
    </message>
    <message>
        <source>{label}不能早于转诊日期 {d}</source>
        <translation>{label} cannot be before the referral date {d}</translation>
    </message>
    <message>
        <source>{label}不能早于上一状态“{state}”的日期 {d}</source>
        <translation>{label} cannot be before the date of the previous state “{state}” ({d})</translation>
    </message>
    <message>
        <source>{label}不能晚于今天</source>
        <translation>{label} cannot be after today</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New state</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>回转请用“登记回转”，填写诊断与康复建议</source>
        <translation>For a return use “Record return” and enter the diagnosis and advice</translation>
    </message>
    <message>
        <source>“{state}”需要填写原因</source>
        <translation>“{state}” needs a reason</translation>
    </message>
    <message>
        <source>老人已于 {d} 出院，请用“已结束”并写明原因</source>
        <translation>The resident was discharged on {d}; use “Closed” with a reason</translation>
    </message>
    <message>
        <source>转诊住院（转诊记录 {n}）</source>
        <translation>Referral admission (referral {n})</translation>
    </message>
    <message>
        <source>回转日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>请填写诊断结果</source>
        <translation>Enter the diagnosis</translation>
    </message>
    <message>
        <source>老人已于 {d} 办理出院，不能登记回转；请用“变更状态”→“已结束”并写明原因</source>
        <translation>The resident was discharged on {d}; a return cannot be recorded. Use “Change state” → “Closed” with a reason</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>数据文件的审计触发器不完整或被改动（{detail}）。为防止修改不留记录，本程序不会保存任何修改。请运行“yiyang check”查看，并从备份恢复。</source>
        <translation>The data file&apos;s audit triggers are incomplete or were changed ({detail}). So that no change goes unrecorded, the program saves nothing. Run &quot;yiyang check&quot; and restore from a backup.</translation>
    </message>
    <message>
        <source>这台电脑上没有本数据文件的审计密钥，修改无法签名，因此没有保存。请管理员在“设置 → 审计密钥”中输入恢复码（或运行 yiyang audit install-key），然后再试。</source>
        <translation>This computer does not have the data file&apos;s audit key, so the change could not be signed and was not saved. Ask the administrator to enter the recovery code under &quot;Settings → Audit key&quot; (or run yiyang audit install-key), then try again.</translation>
    </message>
    <message>
        <source>数据文件中的审计密钥记录不见了（本机保存着这个数据文件的密钥），审计记录可能被删除。为防止掩盖，本程序不会保存任何修改。请运行“yiyang check”查看，并从备份恢复。</source>
        <translation>The data file&apos;s audit key record is gone (this computer holds the file&apos;s key): the trail may have been deleted. So that nothing is covered up, the program saves nothing. Run &quot;yiyang check&quot; and restore from a backup.</translation>
    </message>
    <message>
        <source>数据库结构记录被改动过</source>
        <translation>The schema record was changed</translation>
    </message>
    <message>
        <source>数据库结构记录的签名不对（被改动过）</source>
        <translation>The schema record&apos;s signature does not match (it was changed)</translation>
    </message>
    <message>
        <source>数据文件在最后一条审计记录之后升级过（数据版本 {a} → {b}）</source>
        <translation>The data file was upgraded after the last audit entry (data version {a} → {b})</translation>
    </message>
    <message>
        <source>数据库结构在本程序之外被改动过（例如审计触发器被删除后又重建）：期间的修改可能没有留下审计记录</source>
        <translation>The database structure was changed outside the program (e.g. audit triggers dropped and re-created): changes made meanwhile may have left no audit entry</translation>
    </message>
    <message>
        <source>数据文件升级时改写了 {n} 条记录，它们的审计记录将在下一次保存时签名</source>
        <translation>The upgrade of the data file changed {n} records; their audit entries are signed at the next save</translation>
    </message>
    <message>
        <source>审计记录 {id} 没有签名（可能在本程序之外写入数据库）</source>
        <translation>Audit entry {id} has no signature (it may have been written to the database outside this program)</translation>
    </message>
    <message>
        <source>审计记录的链位置不连续：第 {n} 条的位置是 {seq}（有记录被删除或插入）</source>
        <translation>The chain positions are not continuous: entry {n} has position {seq} (entries were deleted or inserted)</translation>
    </message>
    <message>
        <source>本数据文件还没有审计密钥：现有 {n} 条记录只有不带密钥的校验，下一次保存时会生成密钥。</source>
        <translation>This data file has no audit key yet: its {n} entries have an unkeyed check only; the key is made at the next save.</translation>
    </message>
    <message>
        <source>这台电脑上没有本数据文件的审计密钥，无法核对审计记录。请在“设置 → 审计密钥”中输入恢复码。</source>
        <translation>This computer does not have the data file&apos;s audit key: the trail cannot be checked. Enter the recovery code under &quot;Settings → Audit key&quot;.</translation>
    </message>
    <message>
        <source>最后的审计记录（第 {seq} 条）被删除或改动：记录的链尾与实际不符</source>
        <translation>The last audit entry (position {seq}) was deleted or changed: the recorded end of the chain does not match</translation>
    </message>
    <message>
        <source>审计链尾的签名不对：链尾被移动过（审计记录可能被截短）</source>
        <translation>The signature of the chain&apos;s end does not match: the end was moved (the trail may have been cut short)</translation>
    </message>
    <message>
        <source>审计记录被全部删除（链尾记录为第 {seq} 条）</source>
        <translation>All audit entries were deleted (the recorded end is position {seq})</translation>
    </message>
    <message>
        <source>用户账号表在本程序之外被改动过（例如直接加入或提升了管理员），与签名不符</source>
        <translation>The user accounts were changed outside the program (e.g. an administrator inserted or promoted directly): they no longer match their signature</translation>
    </message>
    <message>
        <source>审计记录 {id} 之前的记录被删除或改动（链条断开）</source>
        <translation>Entries before audit entry {id} were deleted or changed (the chain is broken)</translation>
    </message>
    <message>
        <source>审计记录 {id} 的内容被改动过</source>
        <translation>The content of audit entry {id} has been changed</translation>
    </message>
    <message>
        <source>找不到本机审计密钥的起始记录：审计记录被删除或整体替换过</source>
        <translation>The first entry of this computer&apos;s audit key is missing: the trail was deleted or replaced</translation>
    </message>
    <message>
        <source>密钥起始记录之前的审计记录数量不符（原有 {a} 条，现有 {b} 条）</source>
        <translation>The number of entries before the key&apos;s first entry does not match (was {a}, now {b})</translation>
    </message>
    <message>
        <source>前 {n} 条记录由已更换的旧审计密钥签名，本机无法核对其内容。</source>
        <translation>The first {n} entries were signed with a replaced audit key; this computer cannot check their content.</translation>
    </message>
    <message>
        <source>自审计记录 {id} 起使用了另一把审计密钥（在别的电脑上重新生成），本机无法核对。请输入新的恢复码。</source>
        <translation>From audit entry {id} on, another audit key is used (made on another computer); this computer cannot check them. Enter the new recovery code.</translation>
    </message>
    <message>
        <source>审计记录 {id} 的内容被改动过（签名不符）</source>
        <translation>Audit entry {id} was changed (its signature does not match)</translation>
    </message>
    <message>
        <source>数据文件记录的审计密钥与本机的不同</source>
        <translation>The audit key named in the data file is not this computer&apos;s</translation>
    </message>
    <message>
        <source>另有 {n} 条审计记录没有签名</source>
        <translation>{n} more audit entries have no signature</translation>
    </message>
    <message>
        <source>备份失败：{folder} 所在磁盘已满。原有文件没有改动，请清理磁盘或换一个文件夹。</source>
        <translation>Backup failed: the disk holding {folder} is full. Existing files were not changed; free up space or choose another folder.</translation>
    </message>
    <message>
        <source>备份失败：无法写入文件夹 {folder}（{err}）。原有文件没有改动，请检查该文件夹是否存在、是否只读或磁盘是否已拔出。</source>
        <translation>Backup failed: cannot write to the folder {folder} ({err}). Existing files were not changed; check that the folder exists, is not read-only and that the drive has not been removed.</translation>
    </message>
    <message>
        <source>数据文件完整备份（全部老人、人员与账号）</source>
        <translation>Complete data file backup (all residents, staff and accounts)</translation>
    </message>
    <message>
        <source>找不到备份文件 {path}</source>
        <translation>Backup file {path} not found</translation>
    </message>
    <message>
        <source>文件 {path} 不是医养台账的数据文件（是空的 SQLite 数据库），不能用来恢复。</source>
        <translation>The file {path} is not a Yiyang Desktop data file (it is an empty SQLite database) and cannot be used to restore.</translation>
    </message>
    <message>
        <source>备份文件 {path} 已损坏（{err}），不能用来恢复。</source>
        <translation>The backup file {path} is damaged ({err}) and cannot be used to restore.</translation>
    </message>
    <message>
        <source>备份文件 {path} 完整性检查未通过（{err}），不能用来恢复。</source>
        <translation>The backup file {path} failed the integrity check ({err}) and cannot be used to restore.</translation>
    </message>
    <message>
        <source>恢复已取消：无法先备份当前数据文件（{err}）。当前文件没有改动。</source>
        <translation>Restore cancelled: the current data file could not be backed up first ({err}). The current file was not changed.</translation>
    </message>
    <message>
        <source>所选文件就是当前的数据文件，不能用它恢复。</source>
        <translation>The chosen file is the current data file; it cannot be used to restore.</translation>
    </message>
    <message>
        <source>恢复失败：无法写入数据文件 {path}（{err}）。当前文件没有改动。</source>
        <translation>Restore failed: cannot write the data file {path} ({err}). The current file was not changed.</translation>
    </message>
    <message>
        <source>恢复后无法打开数据文件（{err}），已换回原来的文件。</source>
        <translation>The data file could not be opened after the restore ({err}); the original file has been put back.</translation>
    </message>
    <message>
        <source>恢复的权限只按当前数据文件的账号核对：请先登录要被替换的这个数据文件</source>
        <translation>Who may restore is decided by the current data file&apos;s accounts only: sign in to the very file being replaced</translation>
    </message>
    <message>
        <source>数据文件 {path} 没有损坏，只是暂时无法打开写入（可能另一个程序正在使用）。请关闭其他程序后再试。恢复的权限只按当前数据文件的账号核对。</source>
        <translation>The data file {path} is not damaged, it just cannot be opened for writing right now (another program may be using it). Close other programs and try again. Who may restore is decided by the current data file&apos;s accounts only.</translation>
    </message>
    <message>
        <source>无法读取当前数据文件的账号（{err}），不能在程序中恢复。请由管理员手动把备份文件复制为数据文件。</source>
        <translation>The current data file&apos;s accounts cannot be read ({err}), so it cannot be restored in the program. Have the administrator copy the backup file over the data file by hand.</translation>
    </message>
    <message>
        <source>生效协议{n}份：{names}</source>
        <translation>{n} agreements in force: {names}</translation>
    </message>
    <message>
        <source>没有生效的合作协议</source>
        <translation>No cooperation agreement in force</translation>
    </message>
    <message>
        <source>{kind}，执业许可证号 {no}</source>
        <translation>{kind}, practice licence number {no}</translation>
    </message>
    <message>
        <source>本机构{n}张床位，该档要求内设医疗机构；“机构信息”中未登记内设医疗机构或执业许可证</source>
        <translation>This institution has {n} beds, and this band requires an internal medical facility; no facility or practice licence is recorded under “Institution”</translation>
    </message>
    <message>
        <source>已设{kind}</source>
        <translation>In place: {kind}</translation>
    </message>
    <message>
        <source>协议已约定</source>
        <translation>Included in an agreement</translation>
    </message>
    <message>
        <source>生效协议中没有约定急诊急救应急通道</source>
        <translation>No agreement in force includes an emergency channel</translation>
    </message>
    <message>
        <source>生效协议中没有约定双向转诊</source>
        <translation>No agreement in force includes two-way referral</translation>
    </message>
    <message>
        <source>{p} 的协议 {d} 到期，尚未续签</source>
        <translation>The agreement with {p} expires on {d} and has not been renewed</translation>
    </message>
    <message>
        <source>“{v}”不在可选范围：{opts}</source>
        <translation>“{v}” is not one of: {opts}</translation>
    </message>
    <message>
        <source>“{v}”应填“是”或“否”</source>
        <translation>“{v}” must be “是” (yes) or “否” (no)</translation>
    </message>
    <message>
        <source>日期“{v}”不合理</source>
        <translation>The date “{v}” is not plausible</translation>
    </message>
    <message>
        <source>“{v}”不是有效日期（请写成 2026-01-31）</source>
        <translation>“{v}” is not a valid date (write it as 2026-01-31)</translation>
    </message>
    <message>
        <source>身份证号被 Excel 存成了数字（{v}），末尾几位已经丢失；请把这一列设为“文本”格式，重新输入完整的18位号码</source>
        <translation>Excel stored the ID number as a number ({v}) and its last digits are lost; format this column as “Text” and enter the full 18-character number again</translation>
    </message>
    <message>
        <source>“{v}”应为{lo}至{hi}之间的整数</source>
        <translation>“{v}” must be a whole number from {lo} to {hi}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行</source>
        <translation>Sheet “{sheet}”, row {row}</translation>
    </message>
    <message>
        <source>“{col}”列</source>
        <translation>column “{col}”</translation>
    </message>
    <message>
        <source>发现 {n} 个问题，没有导入任何数据。请改正后重新导入：</source>
        <translation>Found {n} problems; nothing was imported. Correct them and import again:</translation>
    </message>
    <message>
        <source>无法读取文件 {path}：{err}</source>
        <translation>Cannot read the file {path}: {err}</translation>
    </message>
    <message>
        <source>文件 {path} 是旧的 .xls 格式（或已加密），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入</source>
        <translation>The file {path} is in the old .xls format (or encrypted); use “Save As” .xlsx in Excel or WPS, then import it</translation>
    </message>
    <message>
        <source>文件 {path} 不是 Excel 工作簿（.xlsx），无法导入</source>
        <translation>The file {path} is not an Excel workbook (.xlsx) and cannot be imported</translation>
    </message>
    <message>
        <source>文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入（{err}）</source>
        <translation>The file {path} is damaged or not a valid Excel workbook (.xlsx) and cannot be imported ({err})</translation>
    </message>
    <message>
        <source>找不到表头行（第一行应为列名：{cols}）</source>
        <translation>No header row found (the first row must hold the column names: {cols})</translation>
    </message>
    <message>
        <source>不是模板中的列，已忽略</source>
        <translation>Not a template column; ignored</translation>
    </message>
    <message>
        <source>列名重复</source>
        <translation>Repeated column name</translation>
    </message>
    <message>
        <source>缺少必填的列“{col}”</source>
        <translation>The required column “{col}” is missing</translation>
    </message>
    <message>
        <source>“{v}”不是“{inst}”的等级，可填：{opts}（或等级数字 {lo}–{hi}）</source>
        <translation>“{v}” is not a grade of “{inst}”; possible: {opts} (or grade number {lo}–{hi})</translation>
    </message>
    <message>
        <source>请填写{col}</source>
        <translation>Please fill in: {col}</translation>
    </message>
    <message>
        <source>“{inst}”不计总分，此列请留空</source>
        <translation>“{inst}” has no total score; leave this column empty</translation>
    </message>
    <message>
        <source>总分不能超过{n}</source>
        <translation>The total cannot exceed {n}</translation>
    </message>
    <message>
        <source>已存在，跳过</source>
        <translation>Already present; skipped</translation>
    </message>
    <message>
        <source>与第{n}行重复</source>
        <translation>Duplicate of row {n}</translation>
    </message>
    <message>
        <source>身份证号已登记在员工“{name}”名下，与本行姓名不一致</source>
        <translation>This ID number is registered for staff member “{name}”, which differs from the name in this row</translation>
    </message>
    <message>
        <source>身份证号已登记在老人“{name}”名下，与本行姓名不一致</source>
        <translation>This ID number is registered for resident “{name}”, which differs from the name in this row</translation>
    </message>
    <message>
        <source>已登记，自 {d} 起在住，跳过</source>
        <translation>Already registered and in residence since {d}; skipped</translation>
    </message>
    <message>
        <source>床位“{bed}”在“床位”表第{n}行有问题，请先改正那一行</source>
        <translation>Bed “{bed}” has a problem in row {n} of the “床位” sheet; correct that row first</translation>
    </message>
    <message>
        <source>找不到床位“{bed}”：请在“床位”表中列出，或先在程序中添加（写法：楼栋-楼层-房间号-床号，如 1号楼-2层-201-1）</source>
        <translation>Bed “{bed}” not found: list it in the “床位” sheet or add it in the program first (written as building-floor-room-bed, e.g. 1号楼-2层-201-1)</translation>
    </message>
    <message>
        <source>这位老人在“入住老人”表第{n}行有问题，请先改正那一行</source>
        <translation>This resident has a problem in row {n} of the “入住老人” sheet; correct that row first</translation>
    </message>
    <message>
        <source>没有身份证号为 {id} 的老人：请在“入住老人”表中列出，或先在程序中登记</source>
        <translation>No resident has the ID number {id}: list the resident in the “入住老人” sheet or register them in the program first</translation>
    </message>
    <message>
        <source>身份证号 {id} 登记的老人是“{name}”，与本行姓名不一致</source>
        <translation>ID number {id} is registered for resident “{name}”, which differs from the name in this row</translation>
    </message>
    <message>
        <source>评估日期应在出生日期之后、今天或之前</source>
        <translation>The assessment date must be after the date of birth and not after today</translation>
    </message>
    <message>
        <source>不是模板中的工作表，已忽略</source>
        <translation>Not a template sheet; ignored</translation>
    </message>
    <message>
        <source>文件中没有可导入的工作表（应为：{names}）</source>
        <translation>The file has no sheet to import (expected: {names})</translation>
    </message>
    <message>
        <source>文件中没有需要导入的数据行</source>
        <translation>The file has no data rows to import</translation>
    </message>
    <message>
        <source>设备清单第{n}行：请填写名称和数量（正整数）</source>
        <translation>Equipment list row {n}: enter the name and the quantity (a positive whole number)</translation>
    </message>
    <message>
        <source>“{v}”不是有效的数字</source>
        <translation>“{v}” is not a valid number</translation>
    </message>
    <message>
        <source>“机构信息”中未填写内设医疗机构或执业许可证号</source>
        <translation>No internal medical facility or practice licence number under “Institution”</translation>
    </message>
    <message>
        <source>首次注册在本机构的医师：{names}</source>
        <translation>Physicians first registered here: {names}</translation>
    </message>
    <message>
        <source>在岗医师{n}名，其中没有首次注册在本机构的（请在“人员”中核对）</source>
        <translation>{n} physicians in post, none first registered here (check under “Staff”)</translation>
    </message>
    <message>
        <source>床位{n}张（≥{min}张须设医保管理部门）：{state}</source>
        <translation>{n} beds (≥{min} beds require a medical-insurance department): {state}</translation>
    </message>
    <message>
        <source>尚未确认</source>
        <translation>not yet confirmed</translation>
    </message>
    <message>
        <source>未填写{fields}</source>
        <translation>{fields} not filled in</translation>
    </message>
    <message>
        <source>正式运营日期{op}、执业许可证日期{lic}，取较晚的{start}起算，{earliest}起可申请</source>
        <translation>Formal operation {op}, licence {lic}: counted from the later, {start}; may apply from {earliest}</translation>
    </message>
    <message>
        <source>床位{n}张；{state}</source>
        <translation>{n} beds; {state}</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>尚未确认：{items}</source>
        <translation>Not yet confirmed: {items}</translation>
    </message>
    <message>
        <source>四项制度均已确认</source>
        <translation>All four sets of rules confirmed</translation>
    </message>
    <message>
        <source>三项均已确认</source>
        <translation>All three confirmed</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>只写日期，不写时间（格式：2026-01-31）</source>
        <translation>Write a date without a time (format: 2026-01-31)</translation>
    </message>
    <message>
        <source>请填写日期（格式：2026-01-31）</source>
        <translation>enter a date (format: 2026-01-31)</translation>
    </message>
    <message>
        <source>“{v}”不是有效日期（格式：2026-01-31）</source>
        <translation>“{v}” is not a valid date (format: 2026-01-31)</translation>
    </message>
    <message>
        <source>应为数字</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <source>第{n}行</source>
        <translation>line {n}</translation>
    </message>
    <message>
        <source>“{v}”不是数字</source>
        <translation>“{v}” is not a number</translation>
    </message>
    <message>
        <source>应在 {low} 到 {high} 之间</source>
        <translation>must be between {low} and {high}</translation>
    </message>
    <message>
        <source>应为整数</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>金额最多精确到分</source>
        <translation>an amount may have at most 2 decimal places (fen)</translation>
    </message>
    <message>
        <source>应为文字列表，例如 [&quot;民办&quot;]</source>
        <translation>Should be a list of texts, e.g. [&quot;民办&quot;]</translation>
    </message>
    <message>
        <source>能力等级“{v}”不是评估量表中的等级，永远不会匹配任何老人。可写（全称或括号中的简称）：{opts}</source>
        <translation>Ability grade “{v}” is not a grade of any assessment instrument and would never match a resident. Allowed (full name or the short name in brackets): {opts}</translation>
    </message>
    <message>
        <source>应为 true 或 false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>应为表格（每行一组设置）</source>
        <translation>must be a table (one set of settings per row)</translation>
    </message>
    <message>
        <source>应为一节设置</source>
        <translation>Should be a section of settings</translation>
    </message>
    <message>
        <source>没有“{key}”这一项（可写：{opts}）</source>
        <translation>There is no setting “{key}” (allowed: {opts})</translation>
    </message>
    <message>
        <source>政策配置应为一组键值</source>
        <translation>A policy profile must be a set of key-value pairs</translation>
    </message>
    <message>
        <source>住院期间是否计护理天数</source>
        <translation>whether hospital days count as care days</translation>
    </message>
    <message>
        <source>享受待遇的等级</source>
        <translation>the levels that qualify</translation>
    </message>
    <message>
        <source>{level}的每床日标准</source>
        <translation>the per-bed-day rate of {level}</translation>
    </message>
    <message>
        <source>{level}的基金支付比例</source>
        <translation>the fund share of {level}</translation>
    </message>
    <message>
        <source>编号只能用小写字母、数字和连字符（2–40个字符），例如 shenyang-2024</source>
        <translation>the ID may use only lowercase letters, digits and hyphens (2–40 characters), e.g. shenyang-2024</translation>
    </message>
    <message>
        <source>行政区划代码应为6位数字</source>
        <translation>The administrative division code should have 6 digits</translation>
    </message>
    <message>
        <source>有效期截止日早于施行日期</source>
        <translation>The last day in force is before the start date</translation>
    </message>
    <message>
        <source>{start} 起</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>上限应大于下限（0 表示无上限）</source>
        <translation>the upper limit must be above the lower limit (0 means no upper limit)</translation>
    </message>
    <message>
        <source>第{n}行：{msg}</source>
        <translation>line {n}: {msg}</translation>
    </message>
    <message>
        <source>没有编号为“{id}”的政策配置。可用的有：{ids}</source>
        <translation>There is no policy profile “{id}”. Available: {ids}</translation>
    </message>
    <message>
        <source>“{id}”是程序自带的配置，不能覆盖；请换一个编号</source>
        <translation>“{id}” is a built-in profile and cannot be overwritten; choose another ID</translation>
    </message>
    <message>
        <source>程序自带的配置不能删除</source>
        <translation>Built-in profiles cannot be deleted</translation>
    </message>
    <message>
        <source>配置文件格式有误：{err}</source>
        <translation>The profile file is malformed: {err}</translation>
    </message>
    <message>
        <source>本机构（{owner}，{kind}）不在补贴范围（限：{wanted}）</source>
        <translation>This institution ({owner}, {kind}) is not eligible for the subsidy (limited to: {wanted})</translation>
    </message>
    <message>
        <source>举办性质未填</source>
        <translation>ownership not filled in</translation>
    </message>
    <message>
        <source>机构类型未填</source>
        <translation>kind not filled in</translation>
    </message>
    <message>
        <source>{what}不在政策配置“{title}”的有效期内（{force}），不能申请</source>
        <translation>{what} is outside the period in force of policy profile “{title}” ({force}): nothing can be claimed</translation>
    </message>
    <message>
        <source>计算日期{d}</source>
        <translation>The as-of day {d}</translation>
    </message>
    <message>
        <source>已于{date}获得建设补贴（第{app}号申请），不再重复申请</source>
        <translation>Construction subsidy already granted on {date} (application no. {app}); not claimed again</translation>
    </message>
    <message>
        <source>该日期尚无床位类型</source>
        <translation>No bed type on that date</translation>
    </message>
    <message>
        <source>床位已停用</source>
        <translation>The bed is out of use</translation>
    </message>
    <message>
        <source>{what}不在本政策的建设补贴范围</source>
        <translation>{what} is not covered by this policy&apos;s construction subsidy</translation>
    </message>
    <message>
        <source>租赁床位未填写租赁到期日，无法确认租期是否满{n}年</source>
        <translation>The rented bed has no lease end date, so a lease of at least {n} years cannot be confirmed</translation>
    </message>
    <message>
        <source>租期（{start}至{end}，含到期日）不足{n}年</source>
        <translation>Lease ({start} to {end}, end date included) is shorter than {n} years</translation>
    </message>
    <message>
        <source>{prov}方式开办的床位不在补贴范围</source>
        <translation>Beds with the provision “{prov}” are not eligible for the subsidy</translation>
    </message>
    <message>
        <source>{type}，{prov}，{rate}元/床</source>
        <translation>{type}, {prov}, {rate} yuan/bed</translation>
    </message>
    <message>
        <source>{basis} × {factor}（{prov}）</source>
        <translation>{basis} × {factor} ({prov})</translation>
    </message>
    <message>
        <source>{label}本次共{n}张，未达到{min}张的门槛</source>
        <translation>{label}: {n} beds this time, below the threshold of {min}</translation>
    </message>
    <message>
        <source>月份“{v}”无效，应为 1–12，例如 1-12 或 1,2,7-9</source>
        <translation>Invalid month “{v}”: use 1–12, e.g. 1-12 or 1,2,7-9</translation>
    </message>
    <message>
        <source>年份{y}无效</source>
        <translation>Invalid year {y}</translation>
    </message>
    <message>
        <source>政策配置“{title}”没有规定运营补贴标准，金额为0；床次仍按条件统计</source>
        <translation>The policy profile “{title}” sets no operating-subsidy rate, so the amount is 0; bed-months are still counted by the conditions</translation>
    </message>
    <message>
        <source>能力等级（{grade}）不是{wanted}</source>
        <translation>Ability grade ({grade}) is not {wanted}</translation>
    </message>
    <message>
        <source>无有效评估</source>
        <translation>no valid assessment</translation>
    </message>
    <message>
        <source>政策配置“{title}”没有运营补贴条款，不计床次</source>
        <translation>Policy profile “{title}” has no operating-subsidy clause: no bed-months are counted</translation>
    </message>
    <message>
        <source>该月尚未结束（计算日期{d}）</source>
        <translation>The month has not ended (as-of day {d})</translation>
    </message>
    <message>
        <source>政策配置“{title}”没有长期护理保险标准，不能生成长护险清单。请选用有长护险标准的配置，或复制一份配置后填写“长期护理保险”一节。</source>
        <translation>The policy profile &quot;{title}&quot; has no long-term-care insurance rules, so there is no LTC list. Choose a profile with LTC rules, or copy one and fill in its &quot;长期护理保险&quot; section.</translation>
    </message>
    <message>
        <source>{y}年{m}月</source>
        <translation>{y}-{m:0&gt;2}</translation>
    </message>
    <message>
        <source>政策配置“{title}”的长护险标准缺少：{items}。政策文件没有写的项目不按0计算，金额暂不计算；请复制配置后按当地医保部门的规定填写。</source>
        <translation>The LTC rules of the policy profile &quot;{title}&quot; lack: {items}. What the policy text does not give is not taken as zero, so no amounts are computed; copy the profile and fill these in from the local medical-insurance office&apos;s rules.</translation>
    </message>
    <message>
        <source>登记了等级“{level}”，但老人档案未勾选参加长护险</source>
        <translation>Level &quot;{level}&quot; is registered, but the resident&apos;s record is not marked as LTC-insured</translation>
    </message>
    <message>
        <source>能力评估为“{grade}”（{date}）</source>
        <translation>Assessed as &quot;{grade}&quot; ({date})</translation>
    </message>
    <message>
        <source>“{level}”有效期至 {date}</source>
        <translation>&quot;{level}&quot; valid to {date}</translation>
    </message>
    <message>
        <source>参保地“{place}”，配置地区“{region}”</source>
        <translation>Insured in &quot;{place}&quot;, profile region &quot;{region}&quot;</translation>
    </message>
    <message>
        <source>住院 {n} 天</source>
        <translation>{n} days in hospital</translation>
    </message>
    <message>
        <source>机构尚未正式运营</source>
        <translation>The institution is not in formal operation yet</translation>
    </message>
    <message>
        <source>未填写正式运营日期</source>
        <translation>No formal operation start date</translation>
    </message>
    <message>
        <source>机构正式运营未满{n}个月（{start}起）</source>
        <translation>The institution has been in formal operation for less than {n} months (since {start})</translation>
    </message>
    <message>
        <source>月末入住率{rate}%低于{floor}%</source>
        <translation>Month-end occupancy {rate}% is below {floor}%</translation>
    </message>
    <message>
        <source>月末{kind}，不计</source>
        <translation>{kind} at month end; not counted</translation>
    </message>
    <message>
        <source>当月在住{d}天，不足{n}天</source>
        <translation>{d} days in residence this month, fewer than {n}</translation>
    </message>
    <message>
        <source>{what}不在运营补贴条款的范围</source>
        <translation>{what} is not covered by any operating-subsidy clause</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Bed</translation>
    </message>
    <message>
        <source>{d}时{age}周岁，未满{min}周岁</source>
        <translation>Aged {age} on {d}, under {min}</translation>
    </message>
    <message>
        <source>非本地户籍</source>
        <translation>Non-local household registration</translation>
    </message>
    <message>
        <source>{cats}老人不计</source>
        <translation>{cats} residents are not counted</translation>
    </message>
    <message>
        <source>至{d}连续入住未满{n}个月（{start}入住）</source>
        <translation>Less than {n} months of continuous stay by {d} (admitted {start})</translation>
    </message>
    <message>
        <source>没有这份申请记录</source>
        <translation>No such application record</translation>
    </message>
    <message>
        <source>“{v}”不是有效金额（元，最多两位小数）</source>
        <translation>“{v}” is not a valid amount (yuan, at most two decimals)</translation>
    </message>
    <message>
        <source>批复日期{d}还没有到</source>
        <translation>The decision date {d} has not come yet</translation>
    </message>
    <message>
        <source>没有这份建设补贴申请</source>
        <translation>No such construction-subsidy application</translation>
    </message>
    <message>
        <source>这份申请已经登记为已批准</source>
        <translation>This application is already recorded as approved</translation>
    </message>
    <message>
        <source>请选择获批的床位</source>
        <translation>Choose the approved beds</translation>
    </message>
    <message>
        <source>床位{bed}已获得过建设补贴</source>
        <translation>Bed {bed} has already received a construction subsidy</translation>
    </message>
    <message>
        <source>查看数据</source>
        <extracomment>Every permission and the action it allows, as a refusal names it (&quot;无权{action}&quot;).</extracomment>
        <translation>view data</translation>
    </message>
    <message>
        <source>查看完整身份证号和电话</source>
        <translation>see full ID numbers and phone numbers</translation>
    </message>
    <message>
        <source>修改床位、老人、人员和合作机构档案</source>
        <translation>edit bed, resident, staff and partner records</translation>
    </message>
    <message>
        <source>录入或修改评估</source>
        <translation>enter or edit assessments</translation>
    </message>
    <message>
        <source>登记或修改转诊</source>
        <translation>log or edit referrals</translation>
    </message>
    <message>
        <source>导出含个人信息的文件</source>
        <translation>export files containing personal information</translation>
    </message>
    <message>
        <source>导出统计报表</source>
        <translation>export statistical reports</translation>
    </message>
    <message>
        <source>修改机构信息和设置</source>
        <translation>edit the institution profile and settings</translation>
    </message>
    <message>
        <source>管理用户账号</source>
        <translation>manage user accounts</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>restore backups</translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation>back up data</translation>
    </message>
    <message>
        <source>查看审计记录</source>
        <translation>view the audit trail</translation>
    </message>
    <message>
        <source>管理审计密钥</source>
        <translation>manage the audit key</translation>
    </message>
    <message>
        <source>账号“{name}”已停用或已删除，不能再{action}</source>
        <translation>Account &quot;{name}&quot; was disabled or deleted and can no longer {action}</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>continue</translation>
    </message>
    <message>
        <source>请先登录，才能{action}</source>
        <translation>Please log in first to {action}</translation>
    </message>
    <message>
        <source>“{role}”角色无权{action}</source>
        <translation>The “{role}” role is not allowed to {action}</translation>
    </message>
    <message>
        <source>密码至少{n}位</source>
        <extracomment>scrypt cost (OWASP: N = 2^17, r = 8, p = 1 — about 128 MiB and half a second a check). Hashes made with a lower cost are made again with this one at the next successful sign-in. Tests lower ``SCRYPT_N`` (conftest).</extracomment>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <source>密码太简单（至少要有3个不同的字符）</source>
        <translation>The password is too simple (it needs at least 3 different characters)</translation>
    </message>
    <message>
        <source>请填写用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>用户名不能有空格，最多40个字</source>
        <translation>A user name cannot contain spaces and has at most 40 characters</translation>
    </message>
    <message>
        <source>角色只能是：{opts}</source>
        <translation>The role must be one of: {opts}</translation>
    </message>
    <message>
        <source>用户名“{name}”已存在</source>
        <translation>The user name “{name}” already exists</translation>
    </message>
    <message>
        <source>已有用户账号，不能再创建初始管理员</source>
        <translation>User accounts already exist; the first administrator cannot be created again</translation>
    </message>
    <message>
        <source>找不到用户 {id}</source>
        <translation>User {id} not found</translation>
    </message>
    <message>
        <source>找不到用户“{name}”</source>
        <translation>User “{name}” not found</translation>
    </message>
    <message>
        <source>至少要保留一个可用的管理员账号</source>
        <translation>At least one active administrator account must remain</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>change your password</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同</source>
        <translation>The new password must differ from the current one</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>账号“{name}”已被锁定，请在 {time} 之后再试，或请管理员解锁</source>
        <translation>The account “{name}” is locked; try again after {time}, or ask an administrator to unlock it</translation>
    </message>
    <message>
        <source>账号“{name}”已停用，请联系管理员</source>
        <translation>The account “{name}” is disabled; contact an administrator</translation>
    </message>
    <message>
        <source>密码连续错误{n}次，账号已锁定{m}分钟</source>
        <translation>Wrong password {n} times in a row; the account is locked for {m} minutes</translation>
    </message>
    <message>
        <source>机构信息</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>导入已有台账</source>
        <translation>Import existing records</translation>
    </message>
    <message>
        <source>医保定点：条件均已满足，可以申请</source>
        <translation>Medical-insurance designation: all conditions met, you can apply</translation>
    </message>
    <message>
        <source>医保定点：{date}起可申请</source>
        <translation>Medical-insurance designation: can apply from {date}</translation>
    </message>
    <message>
        <source>医保定点：还有{n}项条件未满足</source>
        <translation>Medical-insurance designation: {n} conditions not yet met</translation>
    </message>
    <message>
        <source>{year}年运营补贴：尚未生成申请表</source>
        <translation>{year} operating subsidy: application form not created yet</translation>
    </message>
    <message>
        <source>已报送的月报不能修改，请生成更正版本</source>
        <translation>A submitted monthly return cannot be changed; create a correction</translation>
    </message>
    <message>
        <source>月份“{v}”无效，格式应为 YYYY-MM，例如 2026-10</source>
        <translation>The month “{v}” is not valid; use YYYY-MM, e.g. 2026-10</translation>
    </message>
    <message>
        <source>参保地</source>
        <translation>Insured in</translation>
    </message>
    <message>
        <source>长护险等级</source>
        <translation>LTC level</translation>
    </message>
    <message>
        <source>待遇决定书（证书）编号</source>
        <translation>Decision (certificate) number</translation>
    </message>
    <message>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>有效期至早于有效期起</source>
        <translation>&quot;Valid to&quot; is before &quot;valid from&quot;</translation>
    </message>
    <message>
        <source>与已登记的“{level}”（{a} 至 {b}）重叠</source>
        <translation>Overlaps the registered &quot;{level}&quot; ({a} to {b})</translation>
    </message>
    <message>
        <source>长护险等级记录不存在</source>
        <translation>The LTC level does not exist</translation>
    </message>
    <message>
        <source>月份“{v}”无效</source>
        <translation>The month “{v}” is not valid</translation>
    </message>
    <message>
        <source>{y}年{m}月尚未开始</source>
        <translation>{m}/{y} has not begun yet</translation>
    </message>
    <message>
        <source>长护险清单 {m}</source>
        <translation>LTC list {m}</translation>
    </message>
    <message>
        <source>{y}年{m}月尚未开始，不能生成月报</source>
        <translation>{m}/{y} has not started yet; no monthly return can be created</translation>
    </message>
    <message>
        <source>{m} 尚未结束，月末之后才能报送</source>
        <translation>{m} has not ended yet; it can be submitted only after the month ends</translation>
    </message>
    <message>
        <source>备注太长（最多500个字）</source>
        <translation>The remarks are too long (at most 500 characters)</translation>
    </message>
    <message>
        <source>没有已报送的月报：{m}</source>
        <translation>No submitted monthly return: {m}</translation>
    </message>
    <message>
        <source>月报 {m}</source>
        <translation>Monthly return {m}</translation>
    </message>
    <message>
        <source>{kind}结束</source>
        <translation>{kind} ended</translation>
    </message>
    <message>
        <source>数据文件正忙：另一项操作（或另一个程序）正在保存，等了 {s} 秒仍未完成。这次没有保存任何内容，请稍后再试。</source>
        <translation>The data file is busy: another task (or another program) has been saving for {s} seconds. Nothing was saved this time; please try again shortly.</translation>
    </message>
    <message>
        <source>服务器数据库正忙：另一台电脑正在保存，等了 {s} 秒仍未完成。这次没有保存任何内容，请稍后再试。</source>
        <translation>The server database is busy: another computer is saving and had not finished after {s} seconds. Nothing was saved this time; please try again shortly.</translation>
    </message>
    <message>
        <source>内存中的数据库不能在后台任务中使用</source>
        <translation>An in-memory database cannot be used by a background task</translation>
    </message>
    <message>
        <source>磁盘已满，未能保存（{err}）。已做的修改全部撤销，数据文件没有改动。请清理磁盘空间后再试。</source>
        <translation>The disk is full; nothing was saved ({err}). Every change was undone and the data file is unchanged. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>紧急联系人姓名</source>
        <translation>Emergency contact name</translation>
    </message>
    <message>
        <source>紧急联系人电话</source>
        <translation>Emergency contact phone</translation>
    </message>
    <message>
        <source>数据文件 {path} 不完整（文件比应有的短 {missing} 字节，可能复制或下载时被中断），已损坏，未做任何改动。请从备份恢复，或重新复制原文件。</source>
        <translation>The data file {path} is incomplete ({missing} bytes shorter than it should be; a copy or download was probably interrupted). It is damaged and was left unchanged. Restore a backup, or copy the original file again.</translation>
    </message>
    <message>
        <source>数据文件 {path} 所在的磁盘已满，无法打开或保存（{err}）。数据文件没有改动。请清理磁盘空间后再试。</source>
        <translation>The disk holding the data file {path} is full: it cannot be opened or saved ({err}). The data file is unchanged. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>数据文件 {path} 旁边有一个不属于它的日志文件（-wal，常见于手动复制文件时留下的旧文件），已原样改名为 {aside} 放在一旁，没有写入数据文件。数据文件按磁盘上的内容打开。</source>
        <translation>Beside the data file {path} lay a log file (-wal) that does not belong to it (often left behind when files are copied by hand). It was renamed, unchanged, to {aside} and nothing of it was written into the data file, which opens as it is on disk.</translation>
    </message>
    <message>
        <source>页大小 {n} 无效</source>
        <translation>invalid page size {n}</translation>
    </message>
    <message>
        <source>日志文件头无效</source>
        <translation>invalid log header</translation>
    </message>
    <message>
        <source>日志的页大小 {w} 与数据文件的 {p} 不同</source>
        <translation>the log&apos;s page size {w} differs from the data file&apos;s {p}</translation>
    </message>
    <message>
        <source>日志与数据文件的审计记录接不上（日志属于这个文件的另一个版本）</source>
        <translation>the log does not continue the file&apos;s audit trail (it belongs to another version of this file)</translation>
    </message>
    <message>
        <source>日志来自另一个数据文件</source>
        <translation>the log comes from another data file</translation>
    </message>
    <message>
        <source>数据文件 {path} 旁边有一个不属于它的日志文件（-wal），但无法把它移开（{err}），未做任何改动。请关闭其他可能打开该文件的程序后再试。</source>
        <translation>Beside the data file {path} lies a log file (-wal) that does not belong to it, but it could not be moved aside ({err}). Nothing was changed. Close any other program that may have the file open and try again.</translation>
    </message>
    <message>
        <source>联系人姓名</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>联系人职务</source>
        <translation>Contact position</translation>
    </message>
    <message>
        <source>（未填写名称的机构）</source>
        <translation>(institution without a name)</translation>
    </message>
    <message>
        <source>这份备份属于另一家机构“{other}”，不是当前数据文件（“{current}”）的备份。恢复会用“{other}”的数据替换“{current}”的全部数据。</source>
        <translation>This backup belongs to another institution, “{other}”, not to the open data file (“{current}”). Restoring it would replace all of “{current}”’s data with “{other}”’s.</translation>
    </message>
    <message>
        <source>单元格 {ref} 是错误值 {v}（公式出错或引用失效），请在 Excel 中改正后重新导入</source>
        <translation>Cell {ref} holds the error value {v} (a broken formula or reference); correct it in Excel and import again</translation>
    </message>
    <message>
        <source>单元格 {ref} 是公式，但文件里没有保存它的计算结果（可能由其他程序生成），请在 Excel 中打开、保存后再导入，或把公式换成数值</source>
        <translation>Cell {ref} is a formula whose computed value is not stored in the file (perhaps written by another program); open and save it in Excel before importing, or replace the formula by its value</translation>
    </message>
    <message>
        <source>文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入</source>
        <translation>The file {path} is damaged or not a valid Excel workbook (.xlsx); it cannot be imported</translation>
    </message>
    <message>
        <source>文件 {path} 解压后有 {mb} MB，远超导入台账应有的大小（上限 {limit} MB），可能已损坏或是恶意文件，没有导入</source>
        <translation>The file {path} unpacks to {mb} MB, far more than an import ledger can be (limit {limit} MB); it may be damaged or malicious. Nothing was imported</translation>
    </message>
    <message>
        <source>文件 {path} 的工作表“{sheet}”已损坏，无法导入</source>
        <translation>The sheet “{sheet}” of {path} is damaged; it cannot be imported</translation>
    </message>
    <message>
        <source>文件 {path} 的工作表“{sheet}”大得不合常理（{what}），可能已损坏或是恶意文件，没有导入。请只把台账数据复制到导入模板中再导入</source>
        <translation>The sheet “{sheet}” of {path} is absurdly large ({what}); it may be damaged or malicious. Nothing was imported. Copy only the ledger data into the import template and import that</translation>
    </message>
    <message>
        <source>声明的范围 {ref}</source>
        <translation>declared range {ref}</translation>
    </message>
    <message>
        <source>超过 {n} 行</source>
        <translation>more than {n} rows</translation>
    </message>
    <message>
        <source>用到了第 {n} 列</source>
        <translation>uses column {n}</translation>
    </message>
    <message>
        <source>文件 {path} 太大，内存不足，无法导入</source>
        <translation>The file {path} is too large for the memory; it cannot be imported</translation>
    </message>
    <message>
        <source>内容太长（{n} 个字，最多 {m} 个字）</source>
        <translation>Too long ({n} characters; at most {m})</translation>
    </message>
    <message>
        <source>评估标准文件有误，没有导入任何数据：{err}</source>
        <translation>An assessment instrument file is broken; nothing was imported: {err}</translation>
    </message>
    <message>
        <source>{path} 是文件夹，不是政策配置文件</source>
        <translation>{path} is a folder, not a policy profile file</translation>
    </message>
    <message>
        <source>找不到政策配置文件 {path}</source>
        <translation>Policy profile file {path} not found</translation>
    </message>
    <message>
        <source>无法读取政策配置文件 {path}：{err}</source>
        <translation>Cannot read the policy profile file {path}: {err}</translation>
    </message>
    <message>
        <source>文件 {path} 太大（超过 1 MB），不是政策配置文件</source>
        <translation>The file {path} is too large (over 1 MB) to be a policy profile</translation>
    </message>
    <message>
        <source>文件 {path} 不是文本文件（可能是 Excel、Word 或图片），不是政策配置文件</source>
        <translation>The file {path} is not a text file (perhaps Excel, Word or a picture); it is not a policy profile</translation>
    </message>
    <message>
        <source>文件 {path} 是 GBK（ANSI）编码的，请用记事本“另存为”并选择 UTF-8 编码后再试</source>
        <translation>The file {path} is GBK (ANSI) encoded; save it again as UTF-8 (Notepad: Save As → UTF-8) and try again</translation>
    </message>
    <message>
        <source>文件 {path} 不是 UTF-8 编码的文本，请另存为 UTF-8 编码后再试</source>
        <translation>The file {path} is not UTF-8 text; save it again as UTF-8 and try again</translation>
    </message>
    <message>
        <source>文件 {path} 的层次嵌套太深（超过 {n} 层），不是政策配置文件</source>
        <translation>The file {path} nests too deeply (more than {n} levels); it is not a policy profile</translation>
    </message>
    <message>
        <source>备份 {ref}</source>
        <translation>backup {ref}</translation>
    </message>
    <message>
        <source>已报送月报（编号 {ref}）</source>
        <translation>submitted return (no. {ref})</translation>
    </message>
    <message>
        <source>本机没有审计密钥，未与备份和月报中的锚点核对。</source>
        <translation>This computer has no audit key: the anchors in backups and returns were not compared.</translation>
    </message>
    <message>
        <source>{where}的锚点由另一把审计密钥签名，未核对</source>
        <translation>The anchor of {where} is signed with another audit key; not compared</translation>
    </message>
    <message>
        <source>{where}的锚点没有签名（在没有密钥的电脑上制作），未核对</source>
        <translation>The anchor of {where} is unsigned (made on a computer without the key); not compared</translation>
    </message>
    <message>
        <source>{where}中的审计锚点被改动过（签名不符）</source>
        <translation>The audit anchor in {where} was changed (its signature does not match)</translation>
    </message>
    <message>
        <source>{where}来自另一条审计记录分支（其他恢复之前），未核对</source>
        <translation>{where} comes from another branch of the trail (before another restore); not compared</translation>
    </message>
    <message>
        <source>{where}记录的是被恢复操作替换的那段历史，未核对</source>
        <translation>{where} records the history a restore replaced; not compared</translation>
    </message>
    <message>
        <source>{where}记录审计链第 {seq} 条（共 {n} 条），但现在的数据文件中这一条{state}：审计记录被改写或截短</source>
        <translation>{where} records chain position {seq} (of {n}), but in the data file now that entry {state}: the trail was rewritten or cut short</translation>
    </message>
    <message>
        <source>不存在</source>
        <translation>does not exist</translation>
    </message>
    <message>
        <source>与之不同</source>
        <translation>differs</translation>
    </message>
    <message>
        <source>{where}时审计记录已有 {n} 条，现在只有 {m} 条：审计记录被截短</source>
        <translation>At {where} the trail had {n} entries, now it has {m}: the trail was cut short</translation>
    </message>
    <message>
        <source>数据文件没有身份编号，无法生成审计密钥</source>
        <translation>The data file has no identity; no audit key can be made</translation>
    </message>
    <message>
        <source>恢复码有误：应为 14 组、每组 4 个字母或数字（A–Z、2–7），请逐组核对后重新输入</source>
        <translation>The recovery code is wrong: it has 14 groups of 4 letters or digits (A–Z, 2–7). Check each group and type it again</translation>
    </message>
    <message>
        <source>这个数据文件还没有审计密钥，不需要输入恢复码</source>
        <translation>This data file has no audit key yet; no recovery code is needed</translation>
    </message>
    <message>
        <source>这个恢复码不是本数据文件的审计密钥（可能是另一家机构或已更换的旧密钥）</source>
        <translation>This recovery code is not this data file&apos;s audit key (another institution&apos;s, or an old replaced key)</translation>
    </message>
    <message>
        <source>新的审计密钥已启用，但未能保存在这台电脑上（{err}）。请立即抄下恢复码并输入：{code}</source>
        <translation>The new audit key is in use but could not be kept on this computer ({err}). Write down the recovery code now and enter it: {code}</translation>
    </message>
    <message>
        <source>这个位置原来是另一个数据文件（身份 {old}，本机保存着它的审计密钥）；现在的文件身份不同，且本机没有它的密钥：数据文件可能在程序之外被替换或改写。</source>
        <translation>Another data file used to be at this place (identity {old}, whose audit key this computer holds); the file there now has another identity and no key here: it may have been replaced or rewritten outside the program.</translation>
    </message>
    <message>
        <source>{date}入住</source>
        <extracomment>Columns a new or deleted record shows nothing useful in (the sign-in counters).</extracomment>
        <translation>stay from {date}</translation>
    </message>
    <message>
        <source>{name}的转诊</source>
        <translation>referral of {name}</translation>
    </message>
    <message>
        <source>（{n} 项设置）</source>
        <translation>({n} settings)</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>password changed</translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>{field}：{value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>登录成功</source>
        <translation>signed in</translation>
    </message>
    <message>
        <source>密码加密强度已升级</source>
        <translation>password hash strengthened</translation>
    </message>
    <message>
        <source>登录失败：{reason}</source>
        <translation>sign-in failed: {reason}</translation>
    </message>
    <message>
        <source>登录失败：{reason}（用户名“{name}”）</source>
        <translation>sign-in failed: {reason} (user name &quot;{name}&quot;)</translation>
    </message>
    <message>
        <source>导出“{kind}”到 {path}</source>
        <translation>exported &quot;{kind}&quot; to {path}</translation>
    </message>
    <message>
        <source>共 {n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>更换审计密钥：之前的 {n} 条记录无法再用密钥核对</source>
        <translation>audit key replaced: the {n} earlier entries can no longer be checked with a key</translation>
    </message>
    <message>
        <source>从没有审计密钥的备份恢复后，启用本机的审计密钥（之前有 {n} 条记录）</source>
        <translation>after restoring a backup from before audit keys, this computer&apos;s key is used ({n} earlier entries)</translation>
    </message>
    <message>
        <source>生成审计密钥（之前有 {n} 条记录）</source>
        <translation>audit key made ({n} earlier entries)</translation>
    </message>
    <message>
        <source>从备份 {name} 恢复数据文件（备份的审计记录到第 {seq} 条）</source>
        <translation>data file restored from backup {name} (its trail ends at position {seq})</translation>
    </message>
    <message>
        <source>密码不正确</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <source>账号已锁定</source>
        <translation>account locked</translation>
    </message>
    <message>
        <source>账号已停用</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <source>密码连续错误，账号被锁定</source>
        <translation>too many wrong passwords, account locked</translation>
    </message>
    <message>
        <source>没有这个用户名</source>
        <translation>no such user name</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>无法读取数据库结构（{err}），审计触发器无法核对</source>
        <translation>The database structure cannot be read ({err}); the audit triggers cannot be checked</translation>
    </message>
    <message>
        <source>审计触发器缺失：{names}</source>
        <translation>audit triggers missing: {names}</translation>
    </message>
    <message>
        <source>审计触发器被改动：{names}</source>
        <translation>audit triggers changed: {names}</translation>
    </message>
    <message>
        <source>发现不属于本程序的审计相关触发器：{names}</source>
        <translation>triggers on the audit tables that are not the program&apos;s: {names}</translation>
    </message>
    <message>
        <source>当前打开的已经是服务器数据库（网络版），不需要迁移。</source>
        <translation>What is open is already a server database (network edition); there is nothing to migrate.</translation>
    </message>
    <message>
        <source>数据文件的数据版本（{v}）与本程序（{m}）不同，请先用本程序打开它完成升级。</source>
        <translation>The data file&apos;s data version ({v}) differs from this program&apos;s ({m}). Open it with this program first to upgrade it.</translation>
    </message>
    <message>
        <source>这台电脑上没有本数据文件的审计密钥，迁移后无法核对审计记录，因此没有迁移。请管理员先输入恢复码（设置 → 审计密钥，或 yiyang audit install-key），再迁移。</source>
        <translation>This computer does not hold the data file&apos;s audit key, so the audit trail could not be checked after a migration; nothing was migrated. An administrator must first enter the recovery code (Settings → Audit key, or yiyang audit install-key), then migrate.</translation>
    </message>
    <message>
        <source>迁移的目标须是服务器数据库的连接串 postgresql://用户@主机:端口/数据库</source>
        <translation>The migration target must be a server database connection string postgresql://user@host:port/database</translation>
    </message>
    <message>
        <source>迁移后的核对没有通过，服务器数据库已重新清空：{problems}</source>
        <translation>The check after the migration failed; the server database was emptied again: {problems}</translation>
    </message>
    <message>
        <source>表 {table}：数据文件 {a} 行，服务器 {b} 行</source>
        <translation>Table {table}: {a} rows in the data file, {b} on the server</translation>
    </message>
    <message>
        <source>审计记录：{p}</source>
        <translation>Audit trail: {p}</translation>
    </message>
    <message>
        <source>备份失败：{err}。服务器数据库没有改动。</source>
        <translation>Backup failed: {err}. The server database was not changed.</translation>
    </message>
    <message>
        <source>服务器数据库完整备份（全部老人、人员与账号）</source>
        <translation>Full backup of the server database (all residents, staff and accounts)</translation>
    </message>
    <message>
        <source>备份文件 {path} 已损坏或不是服务器数据库的备份（{err}），不能用来恢复。</source>
        <translation>The backup file {path} is damaged or not a backup of a server database ({err}); it cannot be restored.</translation>
    </message>
    <message>
        <source>文件 {path} 不是医养台账服务器数据库的备份，不能用来恢复。</source>
        <translation>The file {path} is not a backup of a Yiyang server database; it cannot be restored.</translation>
    </message>
    <message>
        <source>备份文件 {path} 没有数据身份编号，不能用来恢复。</source>
        <translation>The backup file {path} has no data identity; it cannot be restored.</translation>
    </message>
    <message>
        <source>备份文件 {path} 由更新版本的医养台账制作（数据版本 {v}，本程序支持到 {m}），请先升级程序再恢复。</source>
        <translation>The backup file {path} was made by a newer version of Yiyang (data version {v}; this program supports up to {m}). Upgrade the program before restoring.</translation>
    </message>
    <message>
        <source>备份文件 {path} 里没有数据版本，不能用来恢复。</source>
        <translation>The backup file {path} has no data version; it cannot be restored.</translation>
    </message>
    <message>
        <source>恢复失败，服务器数据库 {where} 仍是空的：{err}</source>
        <translation>Restore failed; the server database {where} is still empty: {err}</translation>
    </message>
    <message>
        <source>恢复后的检查没有通过，服务器数据库 {where} 已重新清空：{err}</source>
        <translation>The checks after the restore failed; the server database {where} was emptied again: {err}</translation>
    </message>
    <message>
        <source>恢复出的数据身份编号（{a}）与备份文件所写的（{b}）不同</source>
        <translation>The restored data identity ({a}) differs from the one the backup file states ({b})</translation>
    </message>
    <message>
        <source>这台电脑上没有这份备份的审计密钥，无法核对审计记录。请在制作备份的电脑上恢复，或设置环境变量 YIYANG_RECOVERY_CODE 为审计密钥的恢复码后再恢复</source>
        <translation>This computer does not hold the backup&apos;s audit key, so the audit trail cannot be checked. Restore on the computer that made the backup, or set the environment variable YIYANG_RECOVERY_CODE to the audit key&apos;s recovery code and restore again</translation>
    </message>
    <message>
        <source>审计记录核对未通过：{p}</source>
        <translation>The audit trail check failed: {p}</translation>
    </message>
    <message>
        <source>审计触发器函数 yy_audit 缺失或被改动</source>
        <translation>The audit trigger function yy_audit is missing or was changed</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 不是空的（里面已有 {n} 个表或序列），未做任何改动。迁移和恢复只能写入一个新建的空数据库，请按使用说明“网络版”一节新建一个。</source>
        <translation>The server database {where} is not empty (it already holds {n} tables or sequences); nothing was changed. Migrations and restores only write into a new, empty database: create one as the manual&apos;s &quot;Network edition&quot; section describes.</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 无法使用：{err}</source>
        <translation>The server database {where} cannot be used: {err}</translation>
    </message>
    <message>
        <source>数据文件与服务器数据库的表不一致（只在数据文件中：{a}；只在服务器中：{b}），未做任何改动。</source>
        <translation>The data file and the server database have different tables (only in the data file: {a}; only on the server: {b}); nothing was changed.</translation>
    </message>
    <message>
        <source>表 {table} 的列在数据文件与服务器数据库中不一致，未做任何改动。</source>
        <translation>Table {table} has different columns in the data file and the server database; nothing was changed.</translation>
    </message>
    <message>
        <source>复制表 {table} 时服务器拒绝了数据（{err}），服务器数据库保持为空。</source>
        <translation>The server refused data while copying table {table} ({err}); the server database stays empty.</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 拒绝了用户名或密码，请重新输入密码。</source>
        <translation>The server database {where} refused the user name or password. Please enter the password again.</translation>
    </message>
    <message>
        <source>服务器上没有数据库 {where}，请先按使用说明“网络版”一节建立它。</source>
        <translation>There is no database {where} on the server. Create it first as described in the &quot;Network edition&quot; section of the manual.</translation>
    </message>
    <message>
        <source>请填写服务器地址（计算机名或 IP 地址，例如 192.168.1.10）</source>
        <translation>Enter the server address (computer name or IP address, e.g. 192.168.1.10)</translation>
    </message>
    <message>
        <source>服务器地址不能含有空格和 / @ ? # 等字符</source>
        <translation>The server address cannot contain spaces or characters such as / @ ? #</translation>
    </message>
    <message>
        <source>端口应在 1 到 65535 之间（PostgreSQL 默认 5432）</source>
        <translation>The port must be between 1 and 65535 (PostgreSQL&apos;s default is 5432)</translation>
    </message>
    <message>
        <source>请填写数据库名称，例如 yiyang</source>
        <translation>Enter the database name, e.g. yiyang</translation>
    </message>
    <message>
        <source>请填写服务器数据库的用户名</source>
        <translation>Enter the user name of the server database</translation>
    </message>
    <message>
        <source>连接成功。数据库 {where} 是空的：第一次打开时会在其中建立医养台账的数据表，并请您设置管理员账号。</source>
        <translation>Connected. The database {where} is empty: the first opening creates Yiyang&apos;s tables in it and asks you to set up the administrator account.</translation>
    </message>
    <message>
        <source>连接成功。{where} 是医养台账的数据库（数据版本 {v}）。</source>
        <translation>Connected. {where} is a Yiyang database (data version {v}).</translation>
    </message>
    <message>
        <source>无法连接服务器数据库 {where}：{err}</source>
        <translation>Cannot connect to the server database {where}: {err}</translation>
    </message>
    <message>
        <source>找不到这个服务器地址（地址是否写错）</source>
        <translation>the server address was not found (is it mistyped?)</translation>
    </message>
    <message>
        <source>服务器拒绝连接（这个端口上没有数据库服务在运行）</source>
        <translation>the server refused the connection (no database service is running on that port)</translation>
    </message>
    <message>
        <source>连接超时（服务器没有应答）</source>
        <translation>the connection timed out (the server did not answer)</translation>
    </message>
    <message>
        <source>服务器不允许从这台电脑连接（需在服务器的 pg_hba.conf 中放行本机网段）</source>
        <translation>the server does not accept connections from this computer (allow this network in the server's pg_hba.conf)</translation>
    </message>
    <message>
        <source>网络不通</source>
        <translation>the network is unreachable</translation>
    </message>
    <message>
        <source>连接失败</source>
        <translation>the connection failed</translation>
    </message>
    <message>
        <source>无法连接服务器数据库 {where}：{why}。请检查服务器是否开机、地址和端口是否正确、防火墙是否放行。（技术信息：{err}）</source>
        <translation>Cannot connect to the server database {where}: {why}. Check that the server is on, that the address and port are right and that the firewall lets the connection through. (Technical detail: {err})</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 里已有其他程序的数据，不是医养台账的数据库，未做任何改动。请为医养台账新建一个空数据库。</source>
        <translation>The server database {where} holds another program&apos;s data and is not a Yiyang database; nothing was changed. Create a new, empty database for Yiyang.</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 由更新版本的医养台账升级过（数据版本 {v}，本程序支持到 {m}），请先升级这台电脑上的程序。</source>
        <translation>The server database {where} was upgraded by a newer version of Yiyang (data version {v}; this program supports up to {m}). Please upgrade the program on this computer first.</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 是空的，还不是医养台账的数据库。</source>
        <translation>The server database {where} is empty and not yet a Yiyang database.</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 的账号权限不够（{err}）：程序用的账号须是该数据库的所有者，见使用说明“网络版”一节。</source>
        <translation>The account used for the server database {where} lacks rights ({err}): it must own the database; see the &quot;Network edition&quot; section of the manual.</translation>
    </message>
    <message>
        <source>服务器数据库缺少约束 {name}（同一时间段不能重复占用），可能被人改动过</source>
        <translation>The server database lacks the constraint {name} (no double occupancy in one period); it may have been tampered with</translation>
    </message>
    <message>
        <source>服务器数据库缺少触发器 submitted_returns_frozen（已报送月报不能修改）</source>
        <translation>The server database lacks the trigger submitted_returns_frozen (submitted monthly returns cannot change)</translation>
    </message>
    <message>
        <source>服务器数据库 {where} 里是正式数据，演示数据不会覆盖它。请换一个空数据库。</source>
        <translation>The server database {where} holds real data; the demo will not overwrite it. Use an empty database instead.</translation>
    </message>
    <message>
        <source>这台电脑上找不到 PostgreSQL 的 {tool} 程序，网络版的备份和恢复要用它。请安装 PostgreSQL {major} 或更新版本的命令行工具（Windows：PostgreSQL 安装程序中勾选“Command Line Tools”；Linux：apt install postgresql-client），或设置环境变量 YIYANG_PG_BIN 为它所在的文件夹。</source>
        <translation>PostgreSQL&apos;s {tool} program was not found on this computer; the network edition&apos;s backups and restores need it. Install the command line tools of PostgreSQL {major} or newer (Windows: tick &quot;Command Line Tools&quot; in the PostgreSQL installer; Linux: apt install postgresql-client), or set the environment variable YIYANG_PG_BIN to its folder.</translation>
    </message>
    <message>
        <source>这台电脑上的 {tool}（{path}）是 PostgreSQL {have} 版的，比服务器（PostgreSQL {major}）旧，无法使用。请安装 PostgreSQL {major} 或更新版本的命令行工具，或设置环境变量 YIYANG_PG_BIN 为它所在的文件夹。</source>
        <translation>The {tool} on this computer ({path}) is from PostgreSQL {have}, older than the server (PostgreSQL {major}), and cannot be used. Install the command line tools of PostgreSQL {major} or newer, or set the environment variable YIYANG_PG_BIN to their folder.</translation>
    </message>
    <message>
        <source>pg_dump 备份失败：{err}</source>
        <translation>pg_dump backup failed: {err}</translation>
    </message>
    <message>
        <source>pg_restore 恢复失败：{err}</source>
        <translation>pg_restore failed: {err}</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>月末入住率与护理型床位占比（%）{span}</source>
        <translation>Month-end occupancy and nursing-care bed share (%) {span}</translation>
    </message>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>入住率</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>护理型床位占比</source>
        <translation>Nursing-care bed share</translation>
    </message>
    <message>
        <source>占比目标</source>
        <translation>Share target</translation>
    </message>
    <message>
        <source>月末在住老人能力等级分布（人）</source>
        <translation>Residents at month end by grade (people)</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>报送备注：{t}</source>
        <translation>Submission remarks: {t}</translation>
    </message>
    <message>
        <source>第 {n} 页 共 {total} 页</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <source>未列入清单的老人</source>
        <translation>Residents not on the list</translation>
    </message>
</context>
<context>
    <name>policy</name>
    <message>
        <source>原文摘录</source>
        <translation>Source sentence</translation>
    </message>
    <message>
        <source>政策文件中规定这一条的原句，照抄；文件没有写的不要填在这里，写在“解读”中</source>
        <translation>The sentence of the policy document that sets this rule, copied word for word; what the document does not say goes under “Reading”</translation>
    </message>
    <message>
        <source>解读</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>文件没有写明、本配置的做法（例如“老人按年满60周岁计”）</source>
        <translation>How this profile reads what the document leaves open (e.g. “older people = aged 60 or more”)</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>目标的期限，例如 2025-12-31</source>
        <translation>The target&apos;s deadline, e.g. 2025-12-31</translation>
    </message>
    <message>
        <source>最低比例</source>
        <translation>Minimum share</translation>
    </message>
    <message>
        <source>0–1 之间的小数，例如 0.35 表示 35%</source>
        <translation>A decimal between 0 and 1, e.g. 0.35 for 35%</translation>
    </message>
    <message>
        <source>护理型床位占养老床位的比例目标</source>
        <translation>Targets for the nursing-bed share of elderly-care beds</translation>
    </message>
    <message>
        <source>床位数下限（含本数）</source>
        <translation>Beds from (inclusive)</translation>
    </message>
    <message>
        <source>张</source>
        <translation>beds</translation>
    </message>
    <message>
        <source>床位数上限（不含本数）</source>
        <translation>Beds up to (exclusive)</translation>
    </message>
    <message>
        <source>0 表示无上限</source>
        <translation>0 means no upper limit</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>须有生效的医疗合作协议</source>
        <translation>Needs a medical cooperation agreement in force</translation>
    </message>
    <message>
        <source>须有内设医疗机构</source>
        <translation>Needs an internal medical institution</translation>
    </message>
    <message>
        <source>按床位数的医疗能力要求</source>
        <translation>Medical capacity required by number of beds</translation>
    </message>
    <message>
        <source>新建床位按标准乘以的系数，1 为全额</source>
        <translation>Factor for newly built beds; 1 is the full rate</translation>
    </message>
    <message>
        <source>改扩建床位的系数，减半写 0.5</source>
        <translation>Factor for renovated beds; half is 0.5</translation>
    </message>
    <message>
        <source>租赁房产开办的床位的系数，减半写 0.5</source>
        <translation>Factor for beds in leased premises; half is 0.5</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>英文界面显示的名称；可不填</source>
        <translation>Name shown in the English interface; optional</translation>
    </message>
    <message>
        <source>举办方式</source>
        <translation>Provision</translation>
    </message>
    <message>
        <source>本次新增床位数门槛</source>
        <translation>Minimum new beds in this application</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>医疗床位子类型</source>
        <translation>Medical bed sub-types</translation>
    </message>
    <message>
        <source>空表示该类型的全部床位</source>
        <translation>Empty means every bed of the type</translation>
    </message>
    <message>
        <source>限机构类型</source>
        <translation>Only institution kinds</translation>
    </message>
    <message>
        <source>空表示不限</source>
        <translation>Empty means any</translation>
    </message>
    <message>
        <source>每床标准</source>
        <translation>Rate per bed</translation>
    </message>
    <message>
        <source>元/床</source>
        <translation>yuan/bed</translation>
    </message>
    <message>
        <source>可申请的举办性质</source>
        <translation>Ownership that may apply</translation>
    </message>
    <message>
        <source>与“可申请的机构类型”满足任一即可；都空表示不限</source>
        <translation>Either this or “Kinds that may apply” suffices; both empty means any</translation>
    </message>
    <message>
        <source>可申请的机构类型</source>
        <translation>Kinds that may apply</translation>
    </message>
    <message>
        <source>租赁开办的最短租期</source>
        <translation>Minimum lease for leased premises</translation>
    </message>
    <message>
        <source>年</source>
        <translation>years</translation>
    </message>
    <message>
        <source>从床位投入使用日算到租赁到期日（含当日）；0 表示不限</source>
        <translation>From the bed&apos;s service date to the lease&apos;s end date (inclusive); 0 means no minimum</translation>
    </message>
    <message>
        <source>按举办方式的系数</source>
        <translation>Factors by provision</translation>
    </message>
    <message>
        <source>新增床位数门槛</source>
        <translation>New-bed thresholds</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>元/床/月</source>
        <translation>yuan/bed/month</translation>
    </message>
    <message>
        <source>限举办性质</source>
        <translation>Only ownership</translation>
    </message>
    <message>
        <source>空表示不限；与“限机构类型”同时填写时两项都要符合</source>
        <translation>Empty means any; with “Only institution kinds” also filled, both must match</translation>
    </message>
    <message>
        <source>限床位类型</source>
        <translation>Only bed types</translation>
    </message>
    <message>
        <source>按月末（或离院前最后一天）床位的类型；空表示不限</source>
        <translation>The bed&apos;s type at month end (or on the last day before leaving); empty means any</translation>
    </message>
    <message>
        <source>限医疗床位子类型</source>
        <translation>Only medical bed sub-types</translation>
    </message>
    <message>
        <source>只约束医疗床位；空表示不限</source>
        <translation>Restricts medical beds only; empty means any</translation>
    </message>
    <message>
        <source>年满</source>
        <translation>Aged at least</translation>
    </message>
    <message>
        <source>周岁</source>
        <translation>years</translation>
    </message>
    <message>
        <source>按当月最后一天的周岁计，生日在最后一天也算；0 表示不限</source>
        <translation>Age on the month&apos;s last day (a birthday on that day counts); 0 means any age</translation>
    </message>
    <message>
        <source>只计本地户籍老人</source>
        <translation>Local hukou only</translation>
    </message>
    <message>
        <source>连续入住满</source>
        <translation>Continuous stay of at least</translation>
    </message>
    <message>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <source>从本次入住日到当月最后一天</source>
        <translation>From this stay&apos;s admission to the month&apos;s last day</translation>
    </message>
    <message>
        <source>不计的老人类别</source>
        <translation>Resident categories not counted</translation>
    </message>
    <message>
        <source>限能力等级</source>
        <translation>Only ability grades</translation>
    </message>
    <message>
        <source>评估量表中的等级名称，全称或括号中的简称均可，例如“重度失能”</source>
        <translation>Grade names of the assessment instruments, in full or the short name in brackets, e.g. “重度失能”</translation>
    </message>
    <message>
        <source>机构正式运营满</source>
        <translation>Institution in formal operation for at least</translation>
    </message>
    <message>
        <source>正式运营满几个月后的月份才计；0 表示不限</source>
        <translation>Months count only after this many months of formal operation; 0 means no minimum</translation>
    </message>
    <message>
        <source>月末入住率下限</source>
        <translation>Minimum month-end occupancy</translation>
    </message>
    <message>
        <source>0–1 之间的小数；低于则该月不计</source>
        <translation>A decimal between 0 and 1; a month below it counts nothing</translation>
    </message>
    <message>
        <source>床次计算口径</source>
        <translation>Bed-month rule</translation>
    </message>
    <message>
        <source>month_end：当月最后一天日末在住；any_day：当月至少一天日末在住；min_days：当月日末在住满“最少在住天数”</source>
        <translation>month_end: in residence at the end of the month&apos;s last day; any_day: at the end of at least one day of the month; min_days: at the end of at least “Minimum days” days</translation>
    </message>
    <message>
        <source>最少在住天数</source>
        <translation>Minimum days</translation>
    </message>
    <message>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <source>只用于 min_days 口径</source>
        <translation>Only for the min_days rule</translation>
    </message>
    <message>
        <source>请假、住院保留床位的老人计入</source>
        <translation>Count residents on leave or in hospital who keep the bed</translation>
    </message>
    <message>
        <source>只用于 month_end 口径：月末请假或住院、床位保留的老人是否计入</source>
        <translation>Only for the month_end rule: whether residents on leave or in hospital at month end, who keep the bed, count</translation>
    </message>
    <message>
        <source>能力评估有效期</source>
        <translation>Assessment valid for</translation>
    </message>
    <message>
        <source>0 表示用“设置”中的复评周期</source>
        <translation>0 means the reassessment period in Settings</translation>
    </message>
    <message>
        <source>补贴条款</source>
        <translation>Subsidy clauses</translation>
    </message>
    <message>
        <source>一个床次适用多条时取标准最高的一条，不叠加</source>
        <translation>When several clauses fit a bed-month, the highest rate applies; they are not added</translation>
    </message>
    <message>
        <source>失能等级</source>
        <translation>Disability levels</translation>
    </message>
    <message>
        <source>享受待遇的等级，与老人“长护险等级”登记的写法一致，例如“重度失能”</source>
        <translation>The levels that qualify, written as on the residents&apos; LTC levels, e.g. &quot;重度失能&quot;</translation>
    </message>
    <message>
        <source>每床日标准</source>
        <translation>Per bed-day rate</translation>
    </message>
    <message>
        <source>元/床日</source>
        <translation>yuan/bed-day</translation>
    </message>
    <message>
        <source>护理服务每床日的费用标准；当月金额 = 标准 × 护理天数。文件没有写时留空</source>
        <translation>The care cost per bed-day; the month&apos;s amount = rate × care days. Leave empty when the text does not give it</translation>
    </message>
    <message>
        <source>基金支付比例</source>
        <translation>Fund share</translation>
    </message>
    <message>
        <source>0–1 之间的小数，例如 0.7；基金支付 = 金额 × 比例（四舍五入到分），其余由个人负担。文件没有写时留空</source>
        <translation>A decimal between 0 and 1, e.g. 0.7; the fund pays amount × share (rounded half up to the fen), the resident the rest. Leave empty when the text does not give it</translation>
    </message>
    <message>
        <source>基金每月最高支付</source>
        <translation>Fund&apos;s monthly cap</translation>
    </message>
    <message>
        <source>元/月</source>
        <translation>yuan/month</translation>
    </message>
    <message>
        <source>基金每人每月支付的上限，超出部分由个人负担；空表示没有上限</source>
        <translation>The most the fund pays per resident per month; above it the resident pays. Empty means no cap</translation>
    </message>
    <message>
        <source>住院期间</source>
        <translation>Hospital days</translation>
    </message>
    <message>
        <source>deduct：住院的日子不计护理天数；count：照计。按日末在住（住院当晚起至返回前一晚为住院日）。文件没有写时留空</source>
        <translation>deduct: hospital days are not care days; count: they are. By the end-of-day census (the nights from going into hospital to the night before coming back). Leave empty when the text does not say</translation>
    </message>
    <message>
        <source>待遇标准</source>
        <translation>Rates by level</translation>
    </message>
    <message>
        <source>没有列出的等级不享受待遇</source>
        <translation>Levels not listed get no benefit</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>小写字母、数字和连字符，2–40个字符，例如 shenyang-2024</source>
        <translation>Lower-case letters, digits and hyphens, 2–40 characters, e.g. shenyang-2024</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>适用地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>例如“湖南省怀化市鹤城区”</source>
        <translation>e.g. “湖南省怀化市鹤城区”</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>6位代码，例如 431202；市级配置写市的代码（如 440800），省级写省的代码</source>
        <translation>6 digits, e.g. 431202; a city&apos;s profile uses the city&apos;s code (e.g. 440800), a province&apos;s the province&apos;s</translation>
    </message>
    <message>
        <source>政策文件</source>
        <translation>Policy document</translation>
    </message>
    <message>
        <source>发文机关、文件名称和文号</source>
        <translation>Issuing office, title and document number</translation>
    </message>
    <message>
        <source>施行日期</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>有效期至（含当日）</source>
        <translation>In force until (inclusive)</translation>
    </message>
    <message>
        <source>废止前的最后一天；空表示仍有效</source>
        <translation>The last day in force; empty means still in force</translation>
    </message>
    <message>
        <source>来源说明</source>
        <translation>Source note</translation>
    </message>
    <message>
        <source>文件出处、印发日期和整体解读</source>
        <translation>Where the document comes from, its date and the overall reading</translation>
    </message>
    <message>
        <source>床位目标</source>
        <translation>Bed targets</translation>
    </message>
    <message>
        <source>按规模的医疗能力要求</source>
        <translation>Medical capacity by size</translation>
    </message>
    <message>
        <source>建设补贴</source>
        <translation>Construction subsidy</translation>
    </message>
    <message>
        <source>运营补贴</source>
        <translation>Operating subsidy</translation>
    </message>
    <message>
        <source>长期护理保险</source>
        <translation>Long-term-care insurance</translation>
    </message>
    <message>
        <source>长护险月度结算清单的标准；没有这一节表示本配置没有长护险标准</source>
        <translation>The rules of the monthly LTC list; a profile without this section has no LTC rules</translation>
    </message>
    <message>
        <source>月末最后一天日末在住</source>
        <translation>In residence at the end of the month&apos;s last day</translation>
    </message>
    <message>
        <source>当月至少一天日末在住</source>
        <translation>In residence at the end of at least one day</translation>
    </message>
    <message>
        <source>当月日末在住满“最少在住天数”</source>
        <translation>In residence at the end of at least the minimum number of days</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>应为 0 到 100 之间的百分数</source>
        <translation>Should be a percentage from 0 to 100</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete the chosen row</translation>
    </message>
    <message>
        <source>（没有条目）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机。</source>
        <translation>Printing could not start. Please check the printer.</translation>
    </message>
</context>
<context>
    <name>server_login</name>
    <message>
        <source>可以稍后重试，或这次先打开本机的数据文件（以后仍可在“设置”中改回本机数据文件）。</source>
        <translation>You can retry later, or open this computer&apos;s local data file this time (you can switch back to the local data file for good in Settings).</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>改用本机数据文件</source>
        <translation>Use the local data file</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>unit</name>
    <message>
        <source>张</source>
        <translation>beds</translation>
    </message>
    <message>
        <source>人</source>
        <translation>persons</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <source>床日</source>
        <translation>bed-days</translation>
    </message>
    <message>
        <source>床·月</source>
        <translation>bed-months</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>份</source>
        <translation>agreements</translation>
    </message>
    <message>
        <source>家</source>
        <translation>institutions</translation>
    </message>
</context>
<context>
    <name>xlsx</name>
    <message>
        <source>护理型床位占比</source>
        <translation>Nursing-care bed share</translation>
    </message>
    <message>
        <source>运营补贴床次</source>
        <translation>Operating-subsidy bed-months</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>Date filed</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>床位总数</source>
        <translation>Total beds</translation>
    </message>
    <message>
        <source>月末，按当时的床位类型</source>
        <translation>At month end, by the bed type at the time</translation>
    </message>
    <message>
        <source>在住床位</source>
        <translation>Occupied beds</translation>
    </message>
    <message>
        <source>含请假、住院保留床位</source>
        <translation>Including beds kept during leave or hospital stays</translation>
    </message>
    <message>
        <source>空闲床位</source>
        <translation>Free beds</translation>
    </message>
    <message>
        <source>预留床位</source>
        <translation>Reserved beds</translation>
    </message>
    <message>
        <source>维修（暂停使用）床位</source>
        <translation>Beds under repair (out of use)</translation>
    </message>
    <message>
        <source>月末入住率</source>
        <translation>Month-end occupancy</translation>
    </message>
    <message>
        <source>实际占用床日数</source>
        <translation>Occupied bed-days</translation>
    </message>
    <message>
        <source>实际开放床日数</source>
        <translation>Available bed-days</translation>
    </message>
    <message>
        <source>护理型床位 ÷（养老床位 + 护理型床位）</source>
        <translation>Nursing-care beds ÷ (elderly-care beds + nursing-care beds)</translation>
    </message>
    <message>
        <source>护理型床位占比目标</source>
        <translation>Nursing-care bed share target</translation>
    </message>
    <message>
        <source>已达标</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Target not met</translation>
    </message>
    <message>
        <source>入住老人</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>月初在住人数</source>
        <translation>Residents at month start</translation>
    </message>
    <message>
        <source>本月入住</source>
        <translation>Admissions this month</translation>
    </message>
    <message>
        <source>本月出院</source>
        <translation>Discharges this month</translation>
    </message>
    <message>
        <source>本月死亡</source>
        <translation>Deaths this month</translation>
    </message>
    <message>
        <source>月末在住人数</source>
        <translation>Residents at month end</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>一人可属多个类别</source>
        <translation>One person can be in several categories</translation>
    </message>
    <message>
        <source>长期护理保险参保</source>
        <translation>Long-term-care insured</translation>
    </message>
    <message>
        <source>医养结合</source>
        <translation>Combined medical and elderly care</translation>
    </message>
    <message>
        <source>在有效期内的合作协议</source>
        <translation>Agreements in force</translation>
    </message>
    <message>
        <source>签约医疗机构</source>
        <translation>Contracted medical institutions</translation>
    </message>
    <message>
        <source>医生上门巡诊</source>
        <translation>Doctor visits on site</translation>
    </message>
    <message>
        <source>巡诊服务老人</source>
        <translation>Residents seen on visits</translation>
    </message>
    <message>
        <source>上转（转往医院）</source>
        <translation>Up-referrals (to hospital)</translation>
    </message>
    <message>
        <source>下转（医院转回）</source>
        <translation>Down-referrals (back from hospital)</translation>
    </message>
    <message>
        <source>月末状态</source>
        <translation>Status at month end</translation>
    </message>
    <message>
        <source>月末住院老人</source>
        <translation>Residents in hospital at month end</translation>
    </message>
    <message>
        <source>月末请假外出老人</source>
        <translation>Residents on leave at month end</translation>
    </message>
    <message>
        <source>健康管理</source>
        <translation>Health management</translation>
    </message>
    <message>
        <source>本月年度体检</source>
        <translation>Yearly checks this month</translation>
    </message>
    <message>
        <source>65岁及以上老人年度体检覆盖率</source>
        <translation>Yearly check coverage, aged 65+</translation>
    </message>
    <message>
        <source>月末在住65岁及以上老人 {m} 人，其中最近12个月内体检 {n} 人</source>
        <translation>{m} residents aged 65+ at month end, {n} of them checked in the last 12 months</translation>
    </message>
    <message>
        <source>体检结果1个月内告知比例</source>
        <translation>Share of check results given within a month</translation>
    </message>
    <message>
        <source>体检满1个月在本月的 {n} 人次中，1个月内告知 {m} 人次</source>
        <translation>Of {n} checks whose month ended in this month, {m} results were given within the month</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>月末在岗</source>
        <translation>In post at month end</translation>
    </message>
    <message>
        <source>在岗人员合计</source>
        <translation>Total staff in post</translation>
    </message>
    <message>
        <source>评估与补贴</source>
        <translation>Assessments and subsidies</translation>
    </message>
    <message>
        <source>本月完成能力评估</source>
        <translation>Ability assessments done this month</translation>
    </message>
    <message>
        <source>月末评估已过期</source>
        <translation>Assessment overdue at month end</translation>
    </message>
    <message>
        <source>月末从未评估</source>
        <translation>Never assessed at month end</translation>
    </message>
    <message>
        <source>月末在住名单</source>
        <translation>Residents at month end</translation>
    </message>
    <message>
        <source>人员变动</source>
        <translation>Movements</translation>
    </message>
    <message>
        <source>双向转诊</source>
        <translation>Two-way referrals</translation>
    </message>
    <message>
        <source>能力评估</source>
        <translation>Ability assessments</translation>
    </message>
    <message>
        <source>年度体检</source>
        <translation>Yearly checks</translation>
    </message>
    <message>
        <source>合计 {n} 人</source>
        <translation>Total {n} persons</translation>
    </message>
    <message>
        <source>合计 {n} 人次</source>
        <translation>Total {n} times</translation>
    </message>
    <message>
        <source>（单位盖章）</source>
        <translation>(Seal of the institution)</translation>
    </message>
    <message>
        <source>填表人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>负责人（签字）</source>
        <translation>Person in charge (signature)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>{inst}{y}年{m}月统计月报</source>
        <translation>{inst}Monthly return {m}/{y}</translation>
    </message>
    <message>
        <source>统计期：{a} 至 {b}；时点数为月末（{b}）24时数</source>
        <translation>Period: {a} to {b}; point-in-time figures as at 24:00 on the last day ({b})</translation>
    </message>
    <message>
        <source>；按 {d} 的记录计算</source>
        <translation>; computed on the records as of {d}</translation>
    </message>
    <message>
        <source>；第{v}版，{who} 于 {at} 报送</source>
        <translation>; version {v}, submitted by {who} at {at}</translation>
    </message>
    <message>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>参保地</source>
        <translation>Insured in</translation>
    </message>
    <message>
        <source>失能等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>待遇决定书编号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>等级有效期至</source>
        <translation>Level valid to</translation>
    </message>
    <message>
        <source>在住天数</source>
        <translation>Days in residence</translation>
    </message>
    <message>
        <source>住院天数</source>
        <translation>Hospital days</translation>
    </message>
    <message>
        <source>护理天数</source>
        <translation>Care days</translation>
    </message>
    <message>
        <source>每床日标准（元）</source>
        <translation>Per bed-day (yuan)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>基金支付（元）</source>
        <translation>Fund pays (yuan)</translation>
    </message>
    <message>
        <source>个人负担（元）</source>
        <translation>Resident pays (yuan)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>未列入原因</source>
        <translation>Not listed because</translation>
    </message>
    <message>
        <source>制表人：</source>
        <translation>Prepared by:</translation>
    </message>
    <message>
        <source>审核人：</source>
        <translation>Checked by:</translation>
    </message>
    <message>
        <source>机构负责人：</source>
        <translation>Head of institution:</translation>
    </message>
    <message>
        <source>机构（盖章）：</source>
        <translation>Institution (seal):</translation>
    </message>
    <message>
        <source>{inst}{y}年{m}月长期护理保险结算清单</source>
        <translation>{inst}Long-term-care insurance list, {m}/{y}</translation>
    </message>
    <message>
        <source>统计期：{a} 至 {b}；护理天数按日末在住计；政策配置：{profile}</source>
        <translation>Period {a} to {b}; care days by the end-of-day census; policy profile: {profile}</translation>
    </message>
    <message>
        <source>住院期间不计护理天数</source>
        <translation>Hospital days are not care days</translation>
    </message>
    <message>
        <source>住院期间照计护理天数</source>
        <translation>Hospital days count as care days</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>；金额 = 每床日标准 × 护理天数，基金支付 = 金额 × 基金支付比例（四舍五入到分），不超过每月最高支付；个人负担 = 金额 − 基金支付。</source>
        <translation>; amount = rate per bed-day × care days; the fund pays amount × fund share (rounded half up to the fen), at most the monthly cap; the resident pays amount − fund.</translation>
    </message>
    <message>
        <source>有 {n} 人的基金支付达到每月最高支付。</source>
        <translation>For {n} residents the fund reached its monthly cap.</translation>
    </message>
    <message>
        <source>长护险清单</source>
        <translation>LTC list</translation>
    </message>
    <message>
        <source>未列入清单的老人</source>
        <translation>Residents not on the list</translation>
    </message>
    <message>
        <source>其中</source>
        <translation>of which</translation>
    </message>
</context>
</TS>
