<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialogs</name>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>The password of %1 is shown this once: hand it over now (it is not kept anywhere).</source>
        <translation>%1 的密码只显示这一次，请现在交给本人（程序不保存它）。</translation>
    </message>
    <message>
        <source>(choose the unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>e.g. zhangwei (lower-case letters, digits, _ . -)</source>
        <translation>例如 zhangwei（小写字母、数字、_ . -）</translation>
    </message>
    <message>
        <source>e.g. 张伟</source>
        <translation>例如 张伟</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Enabled and disabled</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Set role…</source>
        <translation>设置角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable %1? The account can no longer sign in; its records and history stay. You can enable it again.</source>
        <translation>停用 %1？停用后该账户不能再登录，其记录和修改历史保留，之后可以重新启用。</translation>
    </message>
</context>
<context>
    <name>AddItem</name>
    <message>
        <source>Add “%1” to %2</source>
        <translation>将“%1”加入 %2</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（当地）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>演讲嘉宾</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>当地时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>暂无安排</translation>
    </message>
</context>
<context>
    <name>AmountBox</name>
    <message>
        <source>× 100 million CNY</source>
        <translation>亿元</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CalendarImportDialog</name>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>Into the itinerary of the trip:</source>
        <translation>导入到推广活动的行程：</translation>
    </message>
    <message>
        <source>As themed events</source>
        <translation>作为专题活动导入</translation>
    </message>
    <message>
        <source>Kind of an entry whose categories and title suggest none:</source>
        <translation>类别、标题都看不出类别的日程，归为：</translation>
    </message>
    <message>
        <source>Checking the calendar…</source>
        <translation>正在检查日历…</translation>
    </message>
    <message>
        <source>Importing the calendar…</source>
        <translation>正在导入日历…</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Import these entries now?</source>
        <translation>现在导入这些日程吗？</translation>
    </message>
    <message>
        <source>Import cancelled: nothing written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>CalendarText</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>({n} days)</source>
        <translation>（共 {n} 天）</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>当地时间</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Lead person</source>
        <translation>出席领导</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>所属推广活动</translation>
    </message>
    <message>
        <source>Double-click to open · drag or Alt+←/→ to move</source>
        <translation>双击打开 · 拖动或按 Alt+←/→ 移动</translation>
    </message>
    <message>
        <source>Planned HQ visit</source>
        <translation>计划总部拜访</translation>
    </message>
    <message>
        <source>Promotion trip</source>
        <translation>推广活动</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <source>Previous (PgUp)</source>
        <translation>上一页（PgUp）</translation>
    </message>
    <message>
        <source>Next (PgDn)</source>
        <translation>下一页（PgDn）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Work week</source>
        <translation>工作周</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>当地时间</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Show itinerary items and events in the local time of their place, or in Beijing time</source>
        <translation>行程事项和活动按所在地的当地时间显示，或统一按北京时间显示</translation>
    </message>
    <message>
        <source>China&apos;s moved working days (班) for %1 are not known yet (the installed chinese-calendar goes to %2): only weekends and public holidays are shown.</source>
        <translation>%1 年的调休上班日（班）尚未公布（已安装的 chinese-calendar 只到 %2 年）：只显示周末和公众假期。</translation>
    </message>
    <message>
        <source>Week {n}</source>
        <translation>第{n}周</translation>
    </message>
</context>
<context>
    <name>ColourByBox</name>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>CancelEvent</name>
    <message>
        <source>Cancel event %1</source>
        <translation>取消专题活动 %1</translation>
    </message>
</context>
<context>
    <name>CancelTrip</name>
    <message>
        <source>Cancel trip %1</source>
        <translation>取消推广活动 %1</translation>
    </message>
</context>
<context>
    <name>ChainLeadersDialog</name>
    <message>
        <source>Chain leaders (链长)</source>
        <translation>链长</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Campaign</source>
        <translation>本年度活动</translation>
    </message>
    <message>
        <source>Printed on English packs; empty: the Chinese</source>
        <translation>英文材料打印此项；留空则打印中文</translation>
    </message>
    <message>
        <source>The duty phone is printed in every delegation brief's emergency contacts and checklist. Projects at or above the flagship threshold count as flagship projects.</source>
        <translation>值班电话印在每份出访工作手册的紧急联系人和行前清单中。投资额达到重大项目门槛的项目计为重大项目。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Slogan</source>
        <translation>口号</translation>
    </message>
    <message>
        <source>Slogan (English)</source>
        <translation>口号（英文）</translation>
    </message>
    <message>
        <source>Duty phone (24 h)</source>
        <translation>值班电话（24 小时）</translation>
    </message>
    <message>
        <source>Trips target</source>
        <translation>推广活动目标</translation>
    </message>
    <message>
        <source>Events target</source>
        <translation>专题活动目标</translation>
    </message>
    <message>
        <source>HQ visits target</source>
        <translation>总部拜访目标</translation>
    </message>
    <message>
        <source>Investment target</source>
        <translation>投资额目标</translation>
    </message>
    <message>
        <source>Flagship threshold</source>
        <translation>重大项目门槛</translation>
    </message>
    <message>
        <source>Flagship projects target</source>
        <translation>重大项目目标</translation>
    </message>
</context>
<context>
    <name>EditCampaign</name>
    <message>
        <source>Edit the campaign settings</source>
        <translation>修改本年度活动设置</translation>
    </message>
</context>
<context>
    <name>CheckSettingsDialog</name>
    <message>
        <source>Scheduling checks</source>
        <translation>检查设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>2023-10-16 2023-10-20 reason</source>
        <translation>2023-10-16 2023-10-20 原因</translation>
    </message>
    <message>
        <source>One country per line with its two-letter code. Friday–Saturday weekends (Saudi Arabia, Qatar, Egypt, Israel…) are known; China&apos;s moved working days (调休) count as working days. Blackout lines: first day, last day (optional), reason.</source>
        <translation>每行一个国家或地区，用两个字母的代码。已内置周五、周六为周末的国家（沙特、卡塔尔、埃及、以色列等）；中国的调休上班日按工作日计算。禁排日期每行：开始日期、结束日期（可省略）、原因。</translation>
    </message>
    <message>
        <source>Transfer time in one city</source>
        <translation>同城衔接时间</translation>
    </message>
    <message>
        <source>Transfer time between cities</source>
        <translation>跨城市衔接时间</translation>
    </message>
    <message>
        <source>Travel between countries</source>
        <translation>跨国旅途时间</translation>
    </message>
    <message>
        <source>Trips a month per person</source>
        <translation>每人每月出访次数上限</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Business hours by country</source>
        <translation>各国工作时间</translation>
    </message>
    <message>
        <source>Weekends by country</source>
        <translation>各国周末</translation>
    </message>
    <message>
        <source>Blackout dates</source>
        <translation>禁排日期</translation>
    </message>
</context>
<context>
    <name>ConfirmResult</name>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1</translation>
    </message>
    <message>
        <source>Unconfirm %1</source>
        <translation>取消确认 %1</translation>
    </message>
</context>
<context>
    <name>ConfirmButtons</name>
    <message>
        <source>Con&amp;firm</source>
        <translation>确认(&amp;F)</translation>
    </message>
    <message>
        <source>Unconfirm</source>
        <translation>取消确认</translation>
    </message>
    <message>
        <source>Only planners and admins confirm results</source>
        <translation>只有计划员和管理员可以确认成果</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划拜访</translation>
    </message>
    <message>
        <source>Not yet touched</source>
        <translation>尚未接触</translation>
    </message>
    <message>
        <source>Visited %</source>
        <translation>拜访率</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. What you saved is safe; the last action may not have been completed. Please send the details below to your IT contact.</source>
        <translation>程序遇到了意外错误。已保存的内容是安全的，但最后一步操作可能没有完成。请将下面的详细信息发送给信息化负责人。</translation>
    </message>
</context>
<context>
    <name>CreateEvent</name>
    <message>
        <source>New event “%1”</source>
        <translation>新建专题活动“%1”</translation>
    </message>
</context>
<context>
    <name>CreateLead</name>
    <message>
        <source>New project %1</source>
        <translation>新建项目 %1</translation>
    </message>
</context>
<context>
    <name>CreateOrganisation</name>
    <message>
        <source>New organisation %1</source>
        <translation>新建机构 %1</translation>
    </message>
</context>
<context>
    <name>CreatePerson</name>
    <message>
        <source>New person %1</source>
        <translation>新建人员 %1</translation>
    </message>
</context>
<context>
    <name>CreateTeam</name>
    <message>
        <source>New team %1</source>
        <translation>新建小分队 %1</translation>
    </message>
</context>
<context>
    <name>CreateTrip</name>
    <message>
        <source>New trip “%1”</source>
        <translation>新建推广活动“%1”</translation>
    </message>
</context>
<context>
    <name>CreateUnit</name>
    <message>
        <source>New unit %1</source>
        <translation>新建责任单位 %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Loading…</source>
        <translation>正在载入… Loading…</translation>
    </message>
    <message>
        <source>The dashboard could not be read</source>
        <translation>仪表盘未能读取</translation>
    </message>
    <message>
        <source>The day the dashboard looks from: the next 14 days, open conflicts and the month&apos;s leaderboard follow it</source>
        <translation>仪表盘以这一天为准：未来 14 天、未解决的冲突和当月英雄榜都随之变化</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>The next 14 days</source>
        <translation>未来 14 天</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <source>Clashes</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Open conflicts and warnings</source>
        <translation>未解决的冲突与提醒</translation>
    </message>
    <message>
        <source>Trips and events by month</source>
        <translation>各月推广活动与专题活动</translation>
    </message>
    <message>
        <source>No campaign yet</source>
        <translation>还没有招商年度计划</translation>
    </message>
    <message>
        <source>Seen as of {day}, a day you chose (today is {real}).</source>
        <translation>按您选择的日期 {day} 查看（今天是 {real}）。</translation>
    </message>
    <message>
        <source>This is the {year} campaign: it is seen as of {day}, the same day of its year (today is {real}). Choose another day above.</source>
        <translation>这是 {year} 年的计划，按该年的同一天 {day} 查看（今天是 {real}）。可在右上方选择其他日期。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>under way, until {day}</source>
        <translation>进行中，至 {day}</translation>
    </message>
    <message>
        <source>Nothing planned in the next 14 days</source>
        <translation>未来 14 天暂无安排</translation>
    </message>
    <message>
        <source>The next 14 days ({first} – {last})</source>
        <translation>未来 14 天（{first}—{last}）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No open conflicts: no one is booked twice, no venue is double-booked, every itinerary fits its trip.</source>
        <translation>没有未解决的冲突：无人被重复安排，无场地被重复预订，所有行程都在活动日期之内。</translation>
    </message>
    <message>
        <source>Open conflicts and warnings (conflicts: {errors}, warnings: {warnings})</source>
        <translation>未解决的冲突与提醒（冲突 {errors} 项，提醒 {warnings} 项）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Nothing open: no holiday, late hour, tight transfer or shortfall found.</source>
        <translation>没有待处理的问题：未发现节假日、非工作时间、衔接过紧或目标缺口。</translation>
    </message>
    <message>
        <source>Holidays, local hours, travel legs, people and targets — errors: {errors}, warnings: {warnings}, notes: {notes}. Double-click one to open it.</source>
        <translation>节假日、当地时间、行程衔接、人员与目标 — 错误 {errors} 项，提醒 {warnings} 项，备注 {notes} 项。双击打开相关记录。</translation>
    </message>
    <message>
        <source>All checks ({count})</source>
        <translation>全部检查（{count}）</translation>
    </message>
    <message>
        <source>Clashes ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Signed projects</source>
        <translation>签约项目</translation>
    </message>
    <message>
        <source>Investment signed</source>
        <translation>签约金额</translation>
    </message>
    <message>
        <source>HQ visits</source>
        <translation>拜访总部</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>No signed projects or HQ visits this month yet</source>
        <translation>本月暂无签约项目或总部拜访</translation>
    </message>
    <message>
        <source>Leaderboard of units — {month}</source>
        <translation>招商引资英雄榜 — {month}</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>Type a date such as 2024-02-05, 2024-2-5 or 2/5 (this year), or pick it with the button</source>
        <translation>可直接输入日期，如 2024-02-05、2024-2-5 或 2/5（本年），或用按钮从日历中选择</translation>
    </message>
</context>
<context>
    <name>DelegationTable</name>
    <message>
        <source>Add to delegation</source>
        <translation>加入团组</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>DeleteEvent</name>
    <message>
        <source>Delete event %1</source>
        <translation>删除专题活动 %1</translation>
    </message>
</context>
<context>
    <name>DeleteItem</name>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
</context>
<context>
    <name>DeleteLead</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>DeleteOrganisation</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>DeletePerson</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted with it: %1.</source>
        <translation>将一并删除：%1。</translation>
    </message>
    <message>
        <source>%n project(s) stay but lose it as their source.</source>
        <translation>%n 个招商项目保留，但不再记录此来源。</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes the deletion.</source>
        <translation>删除后可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>%n itinerary item(s)</source>
        <translation>%n 个行程事项</translation>
    </message>
    <message>
        <source>%n delegate(s)</source>
        <translation>%n 名代表团成员</translation>
    </message>
    <message>
        <source>%n target organisation(s)</source>
        <translation>%n 家目标机构</translation>
    </message>
    <message>
        <source>Delete %n trip(s)?</source>
        <translation>删除以下 %n 个推广活动？</translation>
    </message>
    <message>
        <source>%n agenda session(s)</source>
        <translation>%n 个议程</translation>
    </message>
    <message>
        <source>%n invitation(s)</source>
        <translation>%n 份邀请</translation>
    </message>
    <message>
        <source>Delete %n event(s)?</source>
        <translation>删除以下 %n 个专题活动？</translation>
    </message>
</context>
<context>
    <name>DeleteTrip</name>
    <message>
        <source>Delete trip %1</source>
        <translation>删除推广活动 %1</translation>
    </message>
</context>
<context>
    <name>DeleteVisit</name>
    <message>
        <source>Delete the visit to %1</source>
        <translation>删除对 %1 的拜访</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Leaderboard %1</source>
        <translation>英雄榜 %1</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>Calendar saved to %1</source>
        <translation>日历已保存到 %1</translation>
    </message>
    <message>
        <source>Exported %n calendar entry(ies)</source>
        <translation>已导出 %n 条日程</translation>
    </message>
    <message>
        <source>Exporting the calendar…</source>
        <translation>正在导出日历…</translation>
    </message>
    <message>
        <source>Brief %1</source>
        <translation>简报 %1</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>年度工作报告</translation>
    </message>
    <message>
        <source>Preparing the brief…</source>
        <translation>正在生成简报…</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>First day of the copy</source>
        <translation>副本的第一天</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
</context>
<context>
    <name>DuplicateEvent</name>
    <message>
        <source>Duplicate event %1</source>
        <translation>复制专题活动 %1</translation>
    </message>
</context>
<context>
    <name>DuplicateTrip</name>
    <message>
        <source>Duplicate trip %1</source>
        <translation>复制推广活动 %1</translation>
    </message>
</context>
<context>
    <name>EditEvent</name>
    <message>
        <source>Edit event %1</source>
        <translation>编辑专题活动 %1</translation>
    </message>
</context>
<context>
    <name>EditItem</name>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
</context>
<context>
    <name>EditLead</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>EditOrganisation</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>EditPerson</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>EditTeam</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>EditTrip</name>
    <message>
        <source>Edit trip %1</source>
        <translation>编辑推广活动 %1</translation>
    </message>
</context>
<context>
    <name>EditUnit</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>保存并继续编辑（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save &amp;&amp; c&amp;lose</source>
        <translation>保存并关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Who changed this record, when, and what</source>
        <translation>谁在何时修改了此记录，改了什么</translation>
    </message>
    <message>
        <source>The other version is loaded; your changes were discarded.</source>
        <translation>已载入对方的版本；您的修改已放弃。</translation>
    </message>
    <message>
        <source>Press Save to try again.</source>
        <translation>请再次点击“保存”重试。</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有需要保存的修改</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes before closing?</source>
        <translation>关闭前是否保存修改？</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <source>Search this table…</source>
        <translation>在本表中搜索…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
        <source>%n record(s)</source>
        <translation>共 %n 条记录</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Your input is kept. Close the editor and open the record again to see the other change, then make yours again.</source>
        <translation>您输入的内容仍然保留。请关闭编辑窗口并重新打开该记录，查看他人的修改后再修改。</translation>
    </message>
    <message>
        <source>Someone else changed or deleted this record since you opened it. Your input is kept. Open the record again to see the other change.</source>
        <translation>在您打开之后，他人修改或删除了这条记录。您输入的内容仍然保留。请重新打开该记录查看他人的修改。</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Nothing was saved and your input is kept: check the network or the database and try again.</source>
        <translation>与数据库的连接已断开。没有保存任何内容，您输入的内容仍然保留：请检查网络或数据库后重试。</translation>
    </message>
    <message>
        <source>The database refused the change because it clashes with another record (for example the same code saved by someone else at the same moment). Nothing was saved; try again.</source>
        <translation>数据库拒绝了这次修改，因为它与另一条记录冲突（例如他人同时保存了相同的编号）。没有保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>assigned when saved, e.g. EVT-2023-012</source>
        <translation>保存时自动编号，例如 EVT-2023-012</translation>
    </message>
    <message>
        <source>(no city)</source>
        <translation>（无城市）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>（待定）</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Starts (local time)</source>
        <translation>开始（当地时间）</translation>
    </message>
    <message>
        <source>Ends (local time)</source>
        <translation>结束（当地时间）</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Lead person</source>
        <translation>出席领导</translation>
    </message>
    <message>
        <source>Capacity (seats)</source>
        <translation>容纳人数（座位）</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>活动简介</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>职责分工</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>简报内容</translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation>添加议程…</translation>
    </message>
    <message>
        <source>Edit session…</source>
        <translation>编辑议程…</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>删除议程</translation>
    </message>
    <message>
        <source>Project from this meeting…</source>
        <translation>由此会见生成项目…</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Invitations &amp;&amp; RSVP</source>
        <translation>邀请与回复</translation>
    </message>
    <message>
        <source>Run-of-show</source>
        <translation>活动工作方案</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>专题活动 %1</translation>
    </message>
    <message>
        <source>New themed event</source>
        <translation>新建专题活动</translation>
    </message>
    <message>
        <source>(enter a valid time zone and times)</source>
        <translation>（请输入有效的时区和时间）</translation>
    </message>
    <message>
        <source>Select a session in the agenda first.</source>
        <translation>请先在议程中选择一项。</translation>
    </message>
    <message>
        <source>New agenda session</source>
        <translation>新建议程</translation>
    </message>
    <message>
        <source>Agenda session</source>
        <translation>议程</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Starts (local)</source>
        <translation>开始（当地）</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lead person</source>
        <translation>出席领导</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>主办单位</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Select an event to see its agenda and invitations.</source>
        <translation>选择一个专题活动以查看其议程和邀请。</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Invitations: %1 (%2); confirmed guests %3 of %4 seats</source>
        <translation>邀请：%1 家（%2）；确认出席 %3 人 / 座位 %4 个</translation>
    </message>
    <message>
        <source>Delete events</source>
        <translation>删除专题活动</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n event(s)</source>
        <translation>
            <numerusform>删除 %n 个专题活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Trips by their region, events by their city&apos;s region</source>
        <translation>推广活动按其区域，专题活动按所在城市的区域</translation>
    </message>
    <message>
        <source>The responsible unit hosting the trip or event</source>
        <translation>承办推广活动或专题活动的责任单位</translation>
    </message>
    <message>
        <source>Trips the person leads or joins, the items they attend, the events they lead or speak at</source>
        <translation>此人带队或参加的推广活动、出席的行程事项、主持或发言的专题活动</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>推广活动</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>专题活动</translation>
    </message>
    <message>
        <source>HQ visits</source>
        <translation>总部拜访</translation>
    </message>
    <message>
        <source>Planned HQ visits of the 100 teams</source>
        <translation>百队千企小分队计划中的总部拜访</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Campaign Planner</source>
        <translation>欢迎使用招商活动规划</translation>
    </message>
    <message>
        <source>The database is empty. How would you like to start?</source>
        <translation>数据库是空的。您希望如何开始？</translation>
    </message>
    <message>
        <source>The sample is the 2023 Year of Investment Promotion of Dongguan: 30+ promotion trips, 30+ themed events, organisations, people and leads, to try the program with. An empty campaign has the city&apos;s regions, units and industries only.</source>
        <translation>示例计划是东莞 2023“招商年”：30 多场推广活动、30 多场专题招商活动，以及机构、人员和项目，可用来试用本程序。空白计划只包含本市的区域、责任单位和产业。</translation>
    </message>
    <message>
        <source>Load the sample campaign</source>
        <translation>载入示例计划</translation>
    </message>
    <message>
        <source>Start an empty campaign for %1</source>
        <translation>新建 %1 年度空白计划</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Press OK to try again.</source>
        <translation>请再次点击“确定”重试。</translation>
    </message>
</context>
<context>
    <name>GaugeCard</name>
    <message>
        <source>{done} of {target}</source>
        <translation>完成 {done} / 目标 {target}</translation>
    </message>
    <message>
        <source>{planned} planned</source>
        <translation>已计划 {planned}</translation>
    </message>
    <message>
        <source>{n} unconfirmed</source>
        <translation>待确认 {n}</translation>
    </message>
    <message>
        <source>{label}: {done} done, {planned} planned (cancelled not counted), target {target}</source>
        <translation>{label}：已完成 {done}，已计划 {planned}（不含已取消），目标 {target}</translation>
    </message>
    <message>
        <source>{n} signed or done but not yet confirmed by a planner: not counted as done</source>
        <translation>另有 {n} 已签约或已完成、尚待规划人员确认，未计入已完成</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Search codes, titles, people, organisations (Ctrl+F)</source>
        <translation>搜索编号、名称、人员、机构（Ctrl+F）</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>推广活动</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>专题活动</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
</context>
<context>
    <name>GoToDateDialog</name>
    <message>
        <source>Go to date</source>
        <translation>转到日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
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
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Promotion trips</source>
        <translation>推广活动</translation>
    </message>
    <message>
        <source>Themed events</source>
        <translation>专题活动</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s)</source>
        <translation>
            <numerusform>%n 位来宾</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads and projects</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <source>HQ visits</source>
        <translation>拜访总部</translation>
    </message>
    <message>
        <source>HQ visit</source>
        <translation>总部拜访</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar 日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>InvitationTable</name>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>RSVP</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>来宾人数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remove invitation</source>
        <translation>移除邀请</translation>
    </message>
    <message>
        <source>%1 invited (%2). Confirmed guests: %3</source>
        <translation>已邀请 %1 家（%2）。确认出席：%3 人</translation>
    </message>
    <message>
        <source>capacity %1</source>
        <translation>容纳 %1 人</translation>
    </message>
    <message>
        <source>more confirmed guests than seats</source>
        <translation>确认出席人数超过座位数</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>(no city)</source>
        <translation>（无城市）</translation>
    </message>
    <message>
        <source>All day (whole days, no times)</source>
        <translation>全天（按整天，不设时间）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Starts (local time)</source>
        <translation>开始（当地时间）</translation>
    </message>
    <message>
        <source>Ends (local time; a journey: where it arrives)</source>
        <translation>结束（当地时间；交通按到达地）</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Leave empty when the journey ends in the zone it starts in</source>
        <translation>行程在出发地时区结束时留空</translation>
    </message>
    <message>
        <source>e.g. 国泰航空 Cathay Pacific</source>
        <translation>例如：国泰航空 Cathay Pacific</translation>
    </message>
    <message>
        <source>e.g. CX563</source>
        <translation>例如：CX563</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>航站楼</translation>
    </message>
    <message>
        <source>Arrival time zone</source>
        <translation>到达地时区</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运人</translation>
    </message>
    <message>
        <source>Flight or train no.</source>
        <translation>航班 / 车次</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Booking reference</source>
        <translation>订座编号</translation>
    </message>
    <message>
        <source>Seat class</source>
        <translation>舱位 / 座席</translation>
    </message>
    <message>
        <source>Meeting point</source>
        <translation>集合地点</translation>
    </message>
    <message>
        <source>Hotel address</source>
        <translation>酒店地址</translation>
    </message>
    <message>
        <source>Hotel phone</source>
        <translation>酒店电话</translation>
    </message>
    <message>
        <source>People we meet</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>What we ask</source>
        <translation>我方诉求</translation>
    </message>
    <message>
        <source>What we offer</source>
        <translation>我方可提供</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Travel, stay &amp;&amp; meeting</source>
        <translation>交通、住宿与会见</translation>
    </message>
    <message>
        <source>(enter a valid time zone and times)</source>
        <translation>（请输入有效的时区和时间）</translation>
    </message>
    <message>
        <source>%1 – %2 Beijing time (local %3)</source>
        <translation>北京时间 %1 – %2（当地 %3）</translation>
    </message>
</context>
<context>
    <name>ItineraryTableModel</name>
    <message>
        <source>Day (local)</source>
        <translation>日期（当地）</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>当地时间</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
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
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>All day, to %1</source>
        <translation>全天，至 %1</translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The city leader linked to the project (挂点领导)</source>
        <translation>挂点该项目的市领导（挂点领导）</translation>
    </message>
    <message>
        <source>Why the project goes back (needed after funds in)</source>
        <translation>项目退回的原因（资金到位后退回必填）</translation>
    </message>
    <message>
        <source>Project (Chinese)</source>
        <translation>项目名称（中文）</translation>
    </message>
    <message>
        <source>Project (English)</source>
        <translation>项目名称（英文）</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Credited unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Linked city leader</source>
        <translation>挂点领导</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>投资金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Reason for the stage change</source>
        <translation>阶段变更原因</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次接洽</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Funds received</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Source trip</source>
        <translation>来源推广活动</translation>
    </message>
    <message>
        <source>Source event</source>
        <translation>来源专题活动</translation>
    </message>
    <message>
        <source>Source meeting</source>
        <translation>来源会见/议程</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段记录</translation>
    </message>
    <message>
        <source>Project %1: %2</source>
        <translation>项目 %1：%2</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>投资金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Flagship</source>
        <translation>龙头项目</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Funds in</source>
        <translation>到位资金</translation>
    </message>
</context>
<context>
    <name>LeaderboardTableModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Signed projects</source>
        <translation>签约项目</translation>
    </message>
    <message>
        <source>Investment signed</source>
        <translation>签约投资额</translation>
    </message>
    <message>
        <source>HQ visits</source>
        <translation>拜访总部</translation>
    </message>
    <message>
        <source>Funds in</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>待确认</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>The server refused this login and password. Check them (capital letters count) and try again.</source>
        <translation>服务器拒绝了该登录名和密码。请检查（区分大小写）后重试。</translation>
    </message>
    <message>
        <source>Sign in to the shared server</source>
        <translation>登录共享服务器</translation>
    </message>
    <message>
        <source>The database %1 asks who you are. Sign in with the login and password your administrator gave you.</source>
        <translation>数据库 %1 需要确认您的身份。请用管理员给您的登录名和密码登录。</translation>
    </message>
    <message>
        <source>e.g. zhangwei</source>
        <translation>例如 zhangwei</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring): the program asks each time.</source>
        <translation>本机没有密码存储（钥匙串），每次启动都会询问密码。</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Campaign…</source>
        <translation>本年度活动(&amp;C)…</translation>
    </message>
    <message>
        <source>Promotion trips</source>
        <translation>推广活动</translation>
    </message>
    <message>
        <source>Themed events</source>
        <translation>专题活动</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <source>HQ visits (100 teams)</source>
        <translation>百队千企拜访</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Units &amp;&amp; leaderboard</source>
        <translation>责任单位与英雄榜</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Year timeline</source>
        <translation>年度时间轴</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>New record in this view</source>
        <translation>在当前视图中新建记录</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>打开所选记录</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <source>D&amp;uplicate as template…</source>
        <translation>复制为模板(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Cancel with reason…</source>
        <translation>取消并说明原因(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Move by days…</source>
        <translation>按天移动(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export calendar (.ics)…</source>
        <translation>导出日历 (.ics)(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the selection as a calendar</source>
        <translation>将所选记录导出为日历</translation>
    </message>
    <message>
        <source>Export the &amp;whole campaign (.ics)…</source>
        <translation>导出全年计划 (.ics)(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Brief: preview and print…</source>
        <translation>简报：预览与打印(&amp;B)…</translation>
    </message>
    <message>
        <source>Briefing pack of the selected trip or event</source>
        <translation>所选推广活动或专题活动的简报</translation>
    </message>
    <message>
        <source>Campaign &amp;report…</source>
        <translation>年度工作报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;list as spreadsheet (.xlsx, .csv)…</source>
        <translation>将列表导出为表格(&amp;L)（.xlsx、.csv）…</translation>
    </message>
    <message>
        <source>The rows this list shows, with its search and filters</source>
        <translation>导出列表当前显示的行（已按搜索和筛选）</translation>
    </message>
    <message>
        <source>Export itineraries of the selected trips (.xlsx, .csv)…</source>
        <translation>导出所选推广活动的行程（.xlsx、.csv）…</translation>
    </message>
    <message>
        <source>Export delegations of the selected trips (.xlsx, .csv)…</source>
        <translation>导出所选推广活动的团组名单（.xlsx、.csv）…</translation>
    </message>
    <message>
        <source>Export invitations of the selected events (.xlsx, .csv)…</source>
        <translation>导出所选专题活动的邀请名单（.xlsx、.csv）…</translation>
    </message>
    <message>
        <source>&amp;Import calendar (.ics)…</source>
        <translation>导入日历(.ics)(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;spreadsheet…</source>
        <translation>导入表格(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Chec&amp;k settings…</source>
        <translation>检查设置(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About Campaign Planner</source>
        <translation>关于招商活动规划(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>A read-only account changes nothing</source>
        <translation>只读账户不能修改任何记录</translation>
    </message>
    <message>
        <source>About Campaign Planner</source>
        <translation>关于招商活动规划</translation>
    </message>
    <message>
        <source>&lt;b&gt;Campaign Planner 招商活动规划&lt;/b&gt;&lt;br&gt;Plan a year of promotion trips, themed investment events, HQ visits and leads.&lt;br&gt;Database: %1</source>
        <translation>&lt;b&gt;招商活动规划 Campaign Planner&lt;/b&gt;&lt;br&gt;规划全年的推广活动、专题招商活动、总部拜访和招商项目。&lt;br&gt;数据库：%1</translation>
    </message>
    <message>
        <source>Could not be done</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>MarkTargets</name>
    <message>
        <source>Mark %1 as target HQ</source>
        <translation>将 %1 列为目标总部</translation>
    </message>
</context>
<context>
    <name>MessageDisplay</name>
    <message>
        <source>Could not be done</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>MonthCanvas</name>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>Promotion trips</source>
        <translation>推广活动</translation>
    </message>
    <message>
        <source>Themed events</source>
        <translation>专题招商活动</translation>
    </message>
</context>
<context>
    <name>MoveCommands</name>
    <message>
        <source>Move {what} by {days:+d} day(s)</source>
        <translation>将 {what} 移动 {days:+d} 天</translation>
    </message>
    <message>
        <source>Change the length of {what} by {shift}</source>
        <translation>调整 {what} 的时长 {shift}</translation>
    </message>
    <message>
        <source>Move {what} by {shift}</source>
        <translation>将 {what} 移动 {shift}</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Move by</source>
        <translation>移动天数</translation>
    </message>
</context>
<context>
    <name>MoveEvent</name>
    <message>
        <source>Move event %1 by %2 days</source>
        <translation>将专题活动 %1 移动 %2 天</translation>
    </message>
</context>
<context>
    <name>MoveLead</name>
    <message>
        <source>Move %1 to %2</source>
        <translation>将 %1 移至“%2”</translation>
    </message>
</context>
<context>
    <name>MoveTrip</name>
    <message>
        <source>Move trip %1 by %2 days</source>
        <translation>将推广活动 %1 移动 %2 天</translation>
    </message>
</context>
<context>
    <name>OrganisationChooser</name>
    <message>
        <source>Project from this meeting</source>
        <translation>由此会见生成项目</translation>
    </message>
    <message>
        <source>Which organisation is the project with? “%1”</source>
        <translation>该项目与哪家机构洽谈？“%1”</translation>
    </message>
    <message>
        <source>Type to search all organisations…</source>
        <translation>输入以搜索全部机构…</translation>
    </message>
    <message>
        <source>In this meeting</source>
        <translation>本场会见相关机构</translation>
    </message>
    <message>
        <source>This meeting names no organisation</source>
        <translation>本场会见未关联机构</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>全部机构</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Fortune Global 500 rank</source>
        <translation>世界 500 强排名</translation>
    </message>
    <message>
        <source>China Top 500 rank</source>
        <translation>中国 500 强排名</translation>
    </message>
    <message>
        <source>Headquarters city</source>
        <translation>总部城市</translation>
    </message>
    <message>
        <source>Headquarters country</source>
        <translation>总部国家</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>洽谈要点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>History</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>机构：%1</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>新建机构</translation>
    </message>
    <message>
        <source> × 100 million CNY</source>
        <translation> 亿元</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>主营业务</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <source>Presence in China</source>
        <translation>在华布局</translation>
    </message>
    <message>
        <source>Presence in the Greater Bay Area</source>
        <translation>在大湾区布局</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>机构档案</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Fortune 500</source>
        <translation>世界 500 强</translation>
    </message>
    <message>
        <source>China 500</source>
        <translation>中国 500 强</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <source>Any rank</source>
        <translation>不限排名</translation>
    </message>
    <message>
        <source>Fortune Global 500</source>
        <translation>世界 500 强</translation>
    </message>
    <message>
        <source>China Top 500</source>
        <translation>中国 500 强</translation>
    </message>
    <message>
        <source>Any organisation</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <source>Target HQs (千企)</source>
        <translation>目标总部（千企）</translation>
    </message>
    <message>
        <source>Not on the target list</source>
        <translation>不在目标名单</translation>
    </message>
    <message>
        <source>Mark as &amp;target HQ…</source>
        <translation>列为目标总部(&amp;T)…</translation>
    </message>
    <message>
        <source>Put the selected organisations on the campaign&apos;s target list (千企) for an industry chain</source>
        <translation>将所选机构列入年度目标总部名单（千企），归入一条产业链</translation>
    </message>
    <message>
        <source>Remove from target list</source>
        <translation>移出目标名单</translation>
    </message>
    <message>
        <source>Select one or more organisations first.</source>
        <translation>请先选择一个或多个机构。</translation>
    </message>
    <message>
        <source>None of the selected organisations is on the target list.</source>
        <translation>所选机构都不在目标名单中。</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n 个机构</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>删除机构</translation>
    </message>
    <message>
        <source>Delete %1? You can undo this with Ctrl+Z.</source>
        <translation>删除 %1？可以用 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>PasswordChoice</name>
    <message>
        <source>Make one up (shown once)</source>
        <translation>自动生成（只显示一次）</translation>
    </message>
    <message>
        <source>Type it</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>again</source>
        <translation>再输入一次</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Leave out personal data</source>
        <translation>隐去个人信息</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the brief without personal phones and passport numbers, and with phone numbers, e-mail addresses, passport and ID-card numbers masked in notes and other typed text</source>
        <translation>打印时隐去个人电话和护照号，并遮盖备注等手填文字中的电话号码、电子邮箱、护照号和身份证号</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save brief as PDF</source>
        <translation>将简报另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved the brief, %n page(s)</source>
        <translation>
            <numerusform>已保存简报，共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Delete %1 from the directory? You can undo this with Ctrl+Z.</source>
        <translation>从人员名录中删除 %1？可以用 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Projects, trips &amp;&amp; visits</source>
        <translation>项目、活动与拜访</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>e.g. Chinese, English</source>
        <translation>例如：中文、英语</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Position (Chinese)</source>
        <translation>职务（中文）</translation>
    </message>
    <message>
        <source>Position (English)</source>
        <translation>职务（英文）</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>a number that works abroad</source>
        <translation>境外可用的号码</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>e.g. Schengen visa issued</source>
        <translation>例如：申根签证已签发</translation>
    </message>
    <message>
        <source>e.g. halal, vegetarian, no spicy food</source>
        <translation>例如：清真、素食、不吃辣</translation>
    </message>
    <message>
        <source>Mobile abroad</source>
        <translation>境外手机</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>护照号码</translation>
    </message>
    <message>
        <source>Passport valid until</source>
        <translation>护照有效期至</translation>
    </message>
    <message>
        <source>Visa status</source>
        <translation>签证情况</translation>
    </message>
    <message>
        <source>Dietary needs</source>
        <translation>饮食禁忌</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>出行</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>人员：%1</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>PlanVisit</name>
    <message>
        <source>Plan a visit to %1</source>
        <translation>计划拜访 %1</translation>
    </message>
</context>
<context>
    <name>PlannerCommand</name>
    <message>
        <source>Could not undo or redo “%1”: %2</source>
        <translation>无法撤销或重做“%1”：%2</translation>
    </message>
</context>
<context>
    <name>ProducedProjects</name>
    <message>
        <source>Select a meeting in the itinerary or the agenda and press “Project from this meeting…” to add one.</source>
        <translation>在日程或议程中选择一次会见，按“由此会见生成项目…”即可新增项目。</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>amount %1</source>
        <translation>金额 %1</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>From a trip</source>
        <translation>来自推广活动</translation>
    </message>
    <message>
        <source>From an event</source>
        <translation>来自专题活动</translation>
    </message>
    <message>
        <source>From a meeting</source>
        <translation>来自会见/议程</translation>
    </message>
    <message>
        <source>No source</source>
        <translation>无来源</translation>
    </message>
    <message>
        <source>Flagship or not</source>
        <translation>是否龙头项目</translation>
    </message>
    <message>
        <source>Flagship projects only</source>
        <translation>仅龙头项目</translation>
    </message>
    <message>
        <source>Other projects</source>
        <translation>非龙头项目</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>By &amp;leader / chain</source>
        <translation>按领导 / 按产业链(&amp;L)</translation>
    </message>
    <message>
        <source>Each city leader&apos;s (挂点领导) or industry chain&apos;s (链长) projects, trips and visits</source>
        <translation>每位挂点领导或每条产业链（链长）的项目、推广活动和总部拜访</translation>
    </message>
    <message>
        <source>Confirm the selected signed project: the leaderboard and the report count it (Ctrl+Shift+K; undo with Ctrl+Z)</source>
        <translation>确认所选已签约项目：英雄榜和进展报告随即计入（Ctrl+Shift+K；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>投资金额</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>× 100 million CNY</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>Amount range in 100 million CNY (亿元); 0 means no limit</source>
        <translation>金额范围（亿元）；0 表示不限</translation>
    </message>
    <message>
        <source>★ flagship: %1 or more</source>
        <translation>★ 龙头项目：%1 及以上</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>已签约 %1</translation>
    </message>
    <message>
        <source>of which unconfirmed %1</source>
        <translation>其中待确认 %1</translation>
    </message>
    <message>
        <source>funds in %1</source>
        <translation>到位资金 %1</translation>
    </message>
    <message>
        <source>target %1 (%2%)</source>
        <translation>目标 %1（完成 %2%）</translation>
    </message>
    <message>
        <source>signed flagship projects %1 of %2</source>
        <translation>已签约龙头项目 %1 / %2</translation>
    </message>
    <message>
        <source>Select a project first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete %1? You can undo this with Ctrl+Z.</source>
        <translation>删除“%1”？可按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Cancel %1</source>
        <translation>取消 %1</translation>
    </message>
    <message>
        <source>e.g. the partner postponed the visit; the leader&apos;s schedule changed</source>
        <translation>例如：对方推迟了会见；领导日程调整</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <source>Record the visit</source>
        <translation>记录拜访结果</translation>
    </message>
    <message>
        <source>Record the visit to %1</source>
        <translation>记录对 %1 的拜访</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>RunOfShowTab</name>
    <message>
        <source>Staff posts (local time)</source>
        <translation>工作岗位（当地时间）</translation>
    </message>
    <message>
        <source>Guests of honour and seating</source>
        <translation>贵宾名单与座次</translation>
    </message>
    <message>
        <source>Duties by unit</source>
        <translation>单位职责分工</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Starts (%1)</source>
        <translation>开始（%1）</translation>
    </message>
    <message>
        <source>Ends (%1)</source>
        <translation>结束（%1）</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>演讲嘉宾</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SetChainLeaders</name>
    <message>
        <source>Set the chain leaders</source>
        <translation>设定链长</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>(none: the program could not open it)</source>
        <translation>（无：程序无法打开它）</translation>
    </message>
    <message>
        <source>(default) %1</source>
        <translation>（默认）%1</translation>
    </message>
    <message>
        <source>A SQLite file or a database URL such as postgresql://user:password@host/dbname</source>
        <translation>SQLite 文件，或数据库地址，例如 postgresql://用户:密码@主机/数据库</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>(none found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>Choose font…</source>
        <translation>选择字体…</translation>
    </message>
    <message>
        <source>A new database or language takes effect when the program is started again.</source>
        <translation>更换数据库或语言后，需重新启动程序才能生效。</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>正在使用的数据库</translation>
    </message>
    <message>
        <source>Database at the next start</source>
        <translation>下次启动时的数据库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Chinese font for briefs</source>
        <translation>简报中文字体</translation>
    </message>
    <message>
        <source>Organisation name (Chinese)</source>
        <translation>单位名称（中文）</translation>
    </message>
    <message>
        <source>Organisation name (English)</source>
        <translation>单位名称（英文）</translation>
    </message>
    <message>
        <source>Campaign database</source>
        <translation>计划数据库</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Chinese TrueType font</source>
        <translation>中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SheetExport</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Export spreadsheet</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Exported %n row(s)</source>
        <translation>已导出 %n 行</translation>
    </message>
    <message>
        <source>Exporting the spreadsheet…</source>
        <translation>正在导出表格…</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>The rows are:</source>
        <translation>表格中的每一行是：</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <source>A trip&apos;s delegation</source>
        <translation>推广活动的团组名单</translation>
    </message>
    <message>
        <source>A trip&apos;s itinerary</source>
        <translation>推广活动的行程</translation>
    </message>
    <message>
        <source>An event&apos;s invitations</source>
        <translation>专题活动的邀请名单</translation>
    </message>
    <message>
        <source>Into the trip:</source>
        <translation>导入到推广活动：</translation>
    </message>
    <message>
        <source>Into the event:</source>
        <translation>导入到专题活动：</translation>
    </message>
    <message>
        <source>Reading the spreadsheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <source>Import these rows now?</source>
        <translation>现在导入这些行吗？</translation>
    </message>
    <message>
        <source>Import cancelled: nothing written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
        <source>Importing the spreadsheet…</source>
        <translation>正在导入表格…</translation>
    </message>
</context>
<context>
    <name>StaffPostTable</name>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Room / place</source>
        <translation>地点 / 会场</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Add post</source>
        <translation>添加岗位</translation>
    </message>
    <message>
        <source>Post (English)</source>
        <translation>岗位（英文）</translation>
    </message>
    <message>
        <source>Room (English)</source>
        <translation>地点（英文）</translation>
    </message>
    <message>
        <source>Duty (English)</source>
        <translation>职责（英文）</translation>
    </message>
    <message>
        <source>e.g. Registration desk</source>
        <translation>例如 Registration desk</translation>
    </message>
    <message>
        <source>Printed in the English run-of-show; empty: the Chinese</source>
        <translation>英文活动工作方案打印此栏；留空则打印中文</translation>
    </message>
    <message>
        <source>(to be named)</source>
        <translation>（待定）</translation>
    </message>
    <message>
        <source>e.g. 签到接待</source>
        <translation>例如：签到接待</translation>
    </message>
</context>
<context>
    <name>StageMoveDialog</name>
    <message>
        <source>Move %1 to %2</source>
        <translation>将 %1 移至“%2”</translation>
    </message>
    <message>
        <source>%1 · %2 → %3</source>
        <translation>%1 · %2 → %3</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Date of this stage</source>
        <translation>本阶段日期</translation>
    </message>
    <message>
        <source>Signed amount</source>
        <translation>签约金额</translation>
    </message>
    <message>
        <source>Funds received</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SteeringPanel</name>
    <message>
        <source>By leader (挂点领导)</source>
        <translation>按挂点领导</translation>
    </message>
    <message>
        <source>By industry chain (链长)</source>
        <translation>按产业链（链长）</translation>
    </message>
    <message>
        <source>Chain leaders…</source>
        <translation>设定链长…</translation>
    </message>
    <message>
        <source>Name the chain leader (链长) of each key industry</source>
        <translation>为每个重点产业指定链长</translation>
    </message>
    <message>
        <source>Projects (%1)</source>
        <translation>项目 (%1)</translation>
    </message>
    <message>
        <source>Trips (%1)</source>
        <translation>推广活动 (%1)</translation>
    </message>
    <message>
        <source>HQ visits (%1)</source>
        <translation>总部拜访 (%1)</translation>
    </message>
    <message>
        <source>chain leader: %1</source>
        <translation>链长：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>chain leader of %1</source>
        <translation>%1链长</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>已签约 %1</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Target HQs (千企)</source>
        <translation>目标总部（千企）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>(the organisation&apos;s industry)</source>
        <translation>（机构所属产业）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n 个机构</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>总部所在地</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>not yet touched</source>
        <translation>尚未接触</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>新建小分队</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>小分队 %1</translation>
    </message>
    <message>
        <source>e.g. 第101小分队</source>
        <translation>例如：第101小分队</translation>
    </message>
    <message>
        <source>e.g. Team 101</source>
        <translation>例如：Team 101</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Target visits</source>
        <translation>目标拜访数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TeamTableModel</name>
    <message>
        <source>Team</source>
        <translation>小分队</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划拜访</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <source>trips: {trips} · events: {events}</source>
        <translation>推广活动 {trips} · 专题活动 {events}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Previous year</source>
        <translation>上一年</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>下一年</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按区域</translation>
    </message>
    <message>
        <source>By leader</source>
        <translation>按带队领导</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>缩小（Ctrl+-、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>放大（Ctrl++、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Fit the whole year in the window</source>
        <translation>在窗口中显示全年</translation>
    </message>
    <message>
        <source>{year} · trips: {trips} · events: {events}</source>
        <translation>{year}年 · 推广活动 {trips} 个 · 专题活动 {events} 个</translation>
    </message>
</context>
<context>
    <name>TripEditor</name>
    <message>
        <source>Projects</source>
        <translation>招商项目</translation>
    </message>
    <message>
        <source>assigned when saved, e.g. TRIP-2023-007</source>
        <translation>保存时自动编号，例如 TRIP-2023-007</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>（待定）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Destination cities</source>
        <translation>目的地城市</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Target organisations</source>
        <translation>目标机构</translation>
    </message>
    <message>
        <source>Destinations &amp;&amp; targets</source>
        <translation>目的地与目标机构</translation>
    </message>
    <message>
        <source>Times are entered in the local time of each place; Beijing time is shown beside them.</source>
        <translation>时间按各地当地时间填写，旁边显示对应的北京时间。</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>编辑事项…</translation>
    </message>
    <message>
        <source>Duplicate item</source>
        <translation>复制事项</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Project from this meeting…</source>
        <translation>由此会见生成项目…</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>出访目的</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>推介要点</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>后勤安排</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>简报内容</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>推广活动 %1</translation>
    </message>
    <message>
        <source>New promotion trip</source>
        <translation>新建推广活动</translation>
    </message>
    <message>
        <source>Select a meeting in the itinerary first.</source>
        <translation>请先在日程中选择一次会见。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>共 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>New itinerary item</source>
        <translation>新建行程事项</translation>
    </message>
    <message>
        <source>Itinerary item</source>
        <translation>行程事项</translation>
    </message>
</context>
<context>
    <name>TripTableModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带队领导</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>编辑事项…</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Select a trip to see its itinerary.</source>
        <translation>选择一个推广活动以查看其行程。</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Delete trips</source>
        <translation>删除推广活动</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n trip(s)</source>
        <translation>
            <numerusform>删除 %n 个推广活动</numerusform>
        </translation>
    </message>
    <message>
        <source>New itinerary item for %1</source>
        <translation>为 %1 新建行程事项</translation>
    </message>
    <message>
        <source>Itinerary item of %1</source>
        <translation>%1 的行程事项</translation>
    </message>
    <message>
        <source>Delete “%1” from the itinerary?</source>
        <translation>从行程中删除“%1”？</translation>
    </message>
</context>
<context>
    <name>UnitDutyTable</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>责任单位：%1</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新建责任单位</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Select a unit to see its results and projects.</source>
        <translation>选择一个责任单位以查看其成绩和项目。</translation>
    </message>
    <message>
        <source>Projects credited to the unit</source>
        <translation>记在该单位名下的项目</translation>
    </message>
    <message>
        <source>HQ visits in the campaign</source>
        <translation>本年度总部拜访</translation>
    </message>
    <message>
        <source>rank %1 of %2 (%3 %4)</source>
        <translation>排名第 %1 / 共 %2 个（%3 年 %4）</translation>
    </message>
    <message>
        <source>Signed projects %1 · investment signed %2 · funds in %3 · HQ visits %4</source>
        <translation>签约项目 %1 个 · 签约投资额 %2 · 到位资金 %3 · 拜访总部 %4 次</translation>
    </message>
    <message>
        <source>Awaiting confirmation (not counted): %1</source>
        <translation>待确认（未计入）：%1</translation>
    </message>
</context>
<context>
    <name>UnmarkTargets</name>
    <message>
        <source>Remove %1 from the target list</source>
        <translation>将 %1 移出目标名单</translation>
    </message>
</context>
<context>
    <name>VipSeatTable</name>
    <message>
        <source>Table</source>
        <translation>桌号</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座号</translation>
    </message>
    <message>
        <source>Guest of honour</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add guest of honour</source>
        <translation>添加贵宾</translation>
    </message>
    <message>
        <source>(from the directory)</source>
        <translation>（取自名录）</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Plan an HQ visit</source>
        <translation>计划总部拜访</translation>
    </message>
    <message>
        <source>HQ visit</source>
        <translation>总部拜访</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无小分队）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>city, address or meeting room</source>
        <translation>城市、地址或会议室</translation>
    </message>
    <message>
        <source>(the team&apos;s unit)</source>
        <translation>（小分队所属单位）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小分队</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Credited unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Follow-up project</source>
        <translation>跟进项目</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit the visit to %1</source>
        <translation>编辑对 %1 的拜访</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小分队</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Target HQ</source>
        <translation>目标总部</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Follow-up project</source>
        <translation>跟进项目</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>All teams</source>
        <translation>全部小分队</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Any organisation</source>
        <translation>全部机构</translation>
    </message>
    <message>
        <source>Target HQs only</source>
        <translation>仅目标总部</translation>
    </message>
    <message>
        <source>Not on the target list</source>
        <translation>非目标企业</translation>
    </message>
    <message>
        <source>&amp;Plan a visit…</source>
        <translation>计划拜访(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Record visit…</source>
        <translation>记录拜访结果(&amp;R)…</translation>
    </message>
    <message>
        <source>Confirm that the selected visit was done: the leaderboard counts it (Ctrl+Shift+K; undo with Ctrl+Z)</source>
        <translation>确认所选拜访已完成：英雄榜随即计入（Ctrl+Shift+K；Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>小分队</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Coverage by team</source>
        <translation>按小分队覆盖</translation>
    </message>
    <message>
        <source>by industry</source>
        <translation>按产业链</translation>
    </message>
    <message>
        <source>by region</source>
        <translation>按区域</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>新建小分队…</translation>
    </message>
    <message>
        <source>Edit team…</source>
        <translation>编辑小分队…</translation>
    </message>
    <message>
        <source>Show its visits</source>
        <translation>查看其拜访</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>小分队</translation>
    </message>
    <message>
        <source>Search the target list…</source>
        <translation>搜索目标名单…</translation>
    </message>
    <message>
        <source>Add a target HQ…</source>
        <translation>添加目标总部…</translation>
    </message>
    <message>
        <source>Change chain or region…</source>
        <translation>更改产业链或区域…</translation>
    </message>
    <message>
        <source>Remove from target list</source>
        <translation>移出目标名单</translation>
    </message>
    <message>
        <source>Target list</source>
        <translation>目标名单</translation>
    </message>
    <message>
        <source>%1 visited · %2 planned · %3 target HQs visited</source>
        <translation>已拜访 %1 次 · 计划 %2 次 · 已覆盖目标总部 %3 家</translation>
    </message>
    <message>
        <source>Select a visit first.</source>
        <translation>请先选择一次拜访。</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除拜访</translation>
    </message>
    <message>
        <source>Delete the visit to %1? You can undo this with Ctrl+Z.</source>
        <translation>删除对“%1”的拜访？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Select target HQs in the list first.</source>
        <translation>请先在名单中选择目标总部。</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n 个机构</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekHeader</name>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>当地时间</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Choose another database in the settings, or start the program with --db URL.</source>
        <translation>请在设置中选择其他数据库，或用 --db 地址 启动程序。</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
