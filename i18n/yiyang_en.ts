<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ComingPage</name>
    <message>
        <source>此功能尚在开发中，将在后续版本中提供。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住老人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>能力评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按 GB/T 42195-2022 等标准记录老年人能力评估并计算等级。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗合作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签约医疗机构、合作协议与巡诊记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转诊</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双向转诊登记与转诊单打印。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建设补贴、运营补贴与医保定点申请表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>月报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按月统计报表与报送留档。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示数据：这里的机构和老人都是虚构的，与正式数据分开保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（演示）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>在住老人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位总数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理型床位占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>外出/住院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在职人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填写机构名称）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空闲 {n} 张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理型床位 / (养老床位 + 护理型床位)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新的界面语言将在程序重新启动后生效。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>欢迎使用医养台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;欢迎使用医养台账&lt;/h2&gt;&lt;p&gt;本机还没有机构数据。可以先打开一个&lt;b&gt;演示机构&lt;/b&gt;看看各项功能（演示数据单独保存，不会混入正式数据），也可以直接建立本机构的台账。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开演示机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>或者，填写本机构名称后开始：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构名称，例如：某某县社会福利中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建立本机构台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写机构名称</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>无法完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>养老床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理型床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>家庭养老床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>康复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安宁疗护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维修</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空闲</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改扩建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>租赁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公建民营</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>营利</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非营利</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养老机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医养结合机构（养办医）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医养结合机构（医办养）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医务室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>门诊部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>特困</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>低保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>三无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计生特殊家庭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>优抚</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>残疾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>城镇职工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>城乡居民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>男</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>死亡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假外出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执业医师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执业助理医师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册护士</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>康复治疗师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全职</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>兼职</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>msg</name>
    <message>
        <source>请选择床位类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗床位须选择子类型（康复/护理/安宁疗护）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有医疗床位有子类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是旧的15位身份证号，请填写现行的18位号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号应为18位（现在是{n}位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，最后一位为数字或X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号开头的地区代码“{code}”不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号中的出生日期“{d}”不是有效日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号中的出生日期“{d}”不合理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号校验位不对：最后一位应为“{c}”，请核对是否输错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位（现在是{n}位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码含有不允许的字符“{ch}”（不使用I、O、Z、S、V）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码校验位不对：最后一位应为“{c}”，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据不符合要求，未保存：{err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}太长（最多{n}个字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}只能是：{opts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}“{v}”不是有效日期（格式：2026-01-31）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房间号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>租赁到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>租赁的床位请填写租赁到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>投入使用日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位 {label} 已存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一个房间一次可添加1至20张床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>变更日期不能早于床位投入使用日期 {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这张床位在 {d} 已有一条同类变更，请换一个日期或先撤销那条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>变更日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该床位在这一天已经是{t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 在这一天或之后占用这张床位，请先为其换床或办理出院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位 {label} 在 {d} 才投入使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位 {label} 当时处于{s}状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位 {label} 自 {d} 起为{s}状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>床位 {label} 这段时间已由 {name} 入住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这张床位有入住记录，不能删除；如不再使用，请将状态改为停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>举办性质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>营利性质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养老机构备案/设立许可编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内设医疗机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗机构执业许可证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执业许可证日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正式运营日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建筑面积应为大于0的数字（平方米）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政区划代码应为6、9或12位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有内设医疗机构时请填写医疗机构执业许可证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>银行账号只能包含数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期与身份证号不一致（身份证上是 {d}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别与身份证号不一致（身份证上是{s}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号已登记在老人“{name}”名下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员类别“{x}”不在可选范围：{opts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗保险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急联系人{n}：请填写姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>紧急联系人{n}：请填写电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>老人记录不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住记录不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住记录没有床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住日期不能晚于今天30天以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这位老人自 {d} 起在住，尚未出院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这位老人在 {a} 至 {b} 已有一次入住，与所选日期重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换床日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择新床位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已出院的入住记录不能换床</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新床位与当前床位相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>换床日期不能早于住进当前床位的日期 {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离开日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>去向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回日期不能早于离开日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请假时间须在入住期间内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与 {d} 开始的另一次外出重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>外出记录不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回日期不能早于离开日期 {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出院日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出院原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这次入住已于 {d} 出院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出院日期不能早于住进当前床位的日期 {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出院日期早于 {d} 开始的外出记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>岗位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执业证书编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资格证书编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用工方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离职日期不能早于入职日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号已登记在员工“{name}”名下</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医师请填写医师执业证书编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>员工记录不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取数据文件 {path}：{err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {path} 不是医养台账的数据文件（也不是 SQLite 数据库），未做任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {path} 是其他程序的数据库，不是医养台账的数据文件，未做任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件 {path} 由更新版本的医养台账创建（数据版本 {v}，本程序支持到 {m}），请先升级程序。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到数据文件 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法创建数据文件夹 {path}：{err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升级数据文件 {path} 失败（{err}），文件保持原样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件 {path} 完整性检查未通过：{err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同一位老人的两次入住时间重叠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该床位在这段时间已有老人入住</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同一次入住不能同时占用两张床位</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
