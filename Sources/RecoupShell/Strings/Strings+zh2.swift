extension ChineseText {
    /// Part 2 of the Chinese catalogue (the English keys in the order of `docs/strings/en.txt`).
    static let part2 = #"""
        en: Forced
        zh: 强制

        en: From
        zh: 起始

        en: From unallocated
        zh: 来自未分配款项

        en: Grace
        zh: 宽限期

        en: Hash
        zh: 哈希

        en: Held
        zh: 已收

        en: Held for
        zh: 用于

        en: History
        zh: 历史记录

        en: ID
        zh: 编号

        en: Id
        zh: 编号

        en: Installments paid
        zh: 已还期数

        en: Interest
        zh: 利息

        en: Interest included
        zh: 含利息

        en: Interest saved
        zh: 节省利息

        en: Internal score (0-1000)
        zh: 内部评分（0-1000）

        en: Invoice
        zh: 发票

        en: Invoices
        zh: 发票

        en: Invoices paid
        zh: 已付发票

        en: Invoices, payments, plans, contacts, promises made and decided, disputes, complaints, legal steps and write-offs, oldest first. Who may run it (once the workspace has operators): anyone.
        zh: 发票、付款、分期计划、联系记录、作出及已判定的还款承诺、争议、投诉、法律步骤和核销，
          按时间从早到晚排列。可执行者（工作区设有操作员后）：所有人。

        en: Issued
        zh: 开票日期

        en: Key
        zh: 键

        en: Kind
        zh: 类型

        en: Last
        zh: 最近

        en: Last contacts
        zh: 最近联系记录

        en: Last day
        zh: 最后一天

        en: Last due
        zh: 最后到期日

        en: Last installment
        zh: 最后一期

        en: Last interruption
        zh: 最近一次时效中断

        en: Late fee/day
        zh: 滞纳金/天

        en: Late fees and waivers
        zh: 滞纳金及减免

        en: Late fees as of {}
        zh: 截至{}的滞纳金

        en: Late fees charged
        zh: 已计收滞纳金

        en: Late fees owed (besides the open balance)
        zh: 应付滞纳金（未结余额之外）

        en: Late fees posted as of {}
        zh: 截至{}已计提的滞纳金

        en: Late fees waived
        zh: 已减免滞纳金

        en: Late share, all invoices due
        zh: 逾期占比，全部已到期发票

        en: Late share, last 12 months
        zh: 逾期占比，近12个月

        en: Late share, last 6 months
        zh: 逾期占比，近6个月

        en: Legal case
        zh: 法律案件

        en: Limit
        zh: 额度

        en: Limit from
        zh: 额度生效日

        en: Limitation
        zh: 诉讼时效

        en: Login
        zh: 登录名

        en: Loss
        zh: 损失

        en: Made
        zh: 作出日期

        en: Main reason
        zh: 主要原因

        en: Maker
        zh: 发起人

        en: May
        zh: 权限

        en: Meaning
        zh: 含义

        en: Mediation, payment order, preservation, suit and enforcement interrupt the limitation period on their day; a demand or lawyer's letter only once delivered (--delivered DATE). Who may run it (once the workspace has operators): legal or admin.
        zh: 调解、支付令、财产保全、起诉和强制执行在发生当日中断诉讼时效；
          催款函或律师函仅在送达后中断（--delivered DATE）。可执行者（工作区设有操作员后）：法务或管理员。

        en: Method
        zh: 方式

        en: Month
        zh: 月份

        en: Monthly billing
        zh: 月度开票额

        en: Monthly billing, last 6 months
        zh: 月度开票额，近6个月

        en: Months (CEI N)
        zh: 月数（CEI N）

        en: Months no pay
        zh: 未付款月数

        en: Months with something due and no payment (of 6)
        zh: 有应付款但未付款的月数（共6个月）

        en: Most days late
        zh: 最长延迟天数

        en: Most days overdue
        zh: 最长逾期天数

        en: Movements
        zh: 变动

        en: Name
        zh: 名称

        en: Nearest limitation deadline
        zh: 最近诉讼时效届满日

        en: Needed
        zh: 所需

        en: New rows
        zh: 新增行

        en: Not dated in the future, nor before the claim's last payment. The amount leaves the open balance, aging and the queue but stays on the record (writeoff list); money received later is a recovery. Journaled; approvals come with operators and roles. Who may run it (once the workspace has operators): every role but auditor.
        zh: 日期不得晚于今天，也不得早于该债权的最后一笔付款。该金额移出未结余额、账龄和催收队列，
          但仍保留在记录中（writeoff list）；之后收到的款项记为追回。记入日志；审批随操作员和角色启用。
          可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: Note
        zh: 备注

        en: Oldest overdue (days)
        zh: 最久逾期（天）

        en: On
        zh: 日期

        en: Only facts known on or before the day count. The score, its tiers (the policy's score.tier_*) and the model: docs/SCORING.md. --format csv prints customer_id,score,tier and the features behind them (the credit-line ones for customers with a credit limit on file). Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 仅计入当日或之前已知的事实。评分、信用等级（策略中的 score.tier_*）及模型说明见 docs/SCORING.md。
          --format csv 输出 customer_id,score,tier 及其依据的特征（有授信额度记录的客户还包括授信相关特征）。
          可执行者（工作区设有操作员后）：组长、财务或管理员。

        en: Open
        zh: 未结

        en: Open = invoices issued on or before the day and not yet paid as of that day; overdue = the part of it past its due date. Amounts have two decimals. Who may run it (once the workspace has operators): anyone.
        zh: 未结 = 当日或之前开具、截至当日尚未付清的发票；逾期 = 其中已过到期日的部分。金额保留两位小数。
          可执行者（工作区设有操作员后）：所有人。

        en: Open balance
        zh: 未结余额

        en: Open complaints
        zh: 未结投诉

        en: Open disputes
        zh: 未结争议

        en: Open invoices
        zh: 未结发票

        en: Open receivables
        zh: 未结应收账款

        en: Open, books
        zh: 未结，账面

        en: Open, change
        zh: 未结，变动

        en: Open, scenario
        zh: 未结，模拟方案

        en: Opened
        zh: 立案日期

        en: Operator
        zh: 操作员

        en: Outcome
        zh: 结果

        en: Over the limit by
        zh: 超出额度

        en: Over the loss by more than 30 % (art. 585)
        zh: 超出损失30%以上（第585条）

        en: Overdue
        zh: 逾期


        en: Overdue contracts as of {}
        zh: 截至{}的逾期合同

        en: Overdue, books
        zh: 逾期，账面

        en: Overdue, change
        zh: 逾期，变动

        en: Overdue, scenario
        zh: 逾期，模拟方案

        en: Owed of the limit (%)
        zh: 欠款占额度（%）

        en: Paid
        zh: 已付

        en: Paid by
        zh: 付清于

        en: Paid late
        zh: 逾期付款

        en: Paid on time
        zh: 按时付款

        en: Paid toward later rows
        zh: 已付后续期次

        en: Paid fee
        zh: 已付费用

        en: Paid interest
        zh: 已付利息

        en: Paid principal
        zh: 已付本金

        en: Payload
        zh: 内容

        en: Payment
        zh: 付款

        en: Payment delay by customer
        zh: 各客户付款延迟

        en: Payment order (支付令, 1/3)
        zh: 支付令（1/3）

        en: Payment terms (days)
        zh: 付款期限（天）

        en: Payment terms on a new contract (days)
        zh: 新合同付款期限（天）

        en: Payments received on or after the day the promise is made are appropriated to the customer's pending promises, oldest promised date first. Kept once threshold x amount has arrived by the promised date plus the grace days (policy promise.threshold, promise.grace_days, or --threshold, --grace); broken the day after. A promise is an acknowledgement of the debt: it restarts the limitation period. Who may run it (once the workspace has operators): every role but auditor.
        zh: 自作出承诺当日起收到的付款，按承诺日期从早到晚分配给该客户待履行的还款承诺。
          若在承诺日期加宽限天数内到账金额达到 threshold × 承诺金额（策略 promise.threshold、
          promise.grace_days，或 --threshold、--grace），即视为已履行；次日起视为违约。
          还款承诺即对债务的承认：诉讼时效重新起算。可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: Payoff amount
        zh: 结清金额

        en: Payoff day
        zh: 结清日

        en: Pending promises
        zh: 待履行还款承诺

        en: Pending requests by default. A waiver above approval.waive_limit, every write-off and deposit refund, a plan that is interest-free, below approval.plan_min_rate or longer than approval.plan_max_term, and a policy change by anyone but an admin are stored as requests instead of being applied. Who may run it (once the workspace has operators): anyone.
        zh: 默认显示待审批请求。超过 approval.waive_limit 的减免、所有核销和预付款退款、
          免息或低于 approval.plan_min_rate 或期限超过 approval.plan_max_term 的分期计划，
          以及非管理员提出的策略变更，均保存为请求而不直接生效。可执行者（工作区设有操作员后）：所有人。

        en: Per invoice: days late after the clause's grace days, the daily rate, the fee accrued (simple, on the open principal, recomputed at each payment), the clause's cap and the actual loss at the policy's latefee.loss_rate. A fee more than 30 % above the actual loss is flagged (Civil Code art. 585 lets a court reduce it); it is never cut silently. Disputed invoices accrue nothing. Posted = late fees charged by 'latefee post'; to post = what 'latefee post' would add. Who may run it (once the workspace has operators): anyone.
        zh: 按发票列示：超过条款宽限天数后的逾期天数、日利率、累计滞纳金（单利，按未结本金计算，
          每次付款时重新计算）、条款上限，以及按策略 latefee.loss_rate 计算的实际损失。
          滞纳金超出实际损失30%以上时予以标记（《民法典》第585条允许法院予以减少），但绝不自动削减。
          有争议的发票不计滞纳金。已计提 = “latefee post”已计收的滞纳金；待计提 = “latefee post”将新增的金额。
          可执行者（工作区设有操作员后）：所有人。

        en: Period
        zh: 期间

        en: Person
        zh: 联系人

        en: Phone
        zh: 电话

        en: Plan
        zh: 分期计划

        en: Plan {} created
        zh: 已创建分期计划{}

        en: Plan: {}, {} × {}, {}% a year
        zh: 分期计划：{}，{} × {}，年化利率{}%

        en: Points
        zh: 分值

        en: Policy and deposits: books against scenario
        zh: 策略与预付款：账面与模拟方案对比

        en: Posted
        zh: 已计提

        en: Prepay
        zh: 预付款

        en: Preservation (保全, cap 5,000)
        zh: 保全（上限5,000）

        en: Priority
        zh: 优先级

        en: Priority = (overdue × aging band × (2 − collection rate) + rise of the overdue amount over 30 days) × 2 when a plan is broken or a promise was broken in the last queue.promise_days, ÷ 2 while a dispute holds part of what is owed, ÷ 4 while a promise is pending. The overdue amount leaves what disputes hold out; the band is the aging bucket of the days overdue (1 for 1-30 with the default buckets, 4 for 91+); the collection rate is the forecast's. Customers owing less than the policy's queue.min_amount are left out. A collector sees their own customers unless --agent or --all; requests waiting for the caller's approval are counted in the title. Who may run it (once the workspace has operators): every role but auditor.
        zh: 优先级 = （逾期金额 × 账龄档系数 × （2 − 回款率） + 近30天逾期金额增幅） × 2（分期计划违约或最
          近 queue.promise_days 天内有还款承诺违约时），÷ 2（争议冻结部分欠款期间），
          ÷ 4（有待履行还款承诺期间）。逾期金额不含争议冻结的部分；
          账龄档为逾期天数所在的账龄区间（默认区间下1-30天为1，91天以上为4）；回款率取自回款预测。
          欠款低于策略 queue.min_amount 的客户不列入。除非使用 --agent 或 --all，催收员只看到自己负责的客户；
          等待当前用户审批的请求数显示在标题中。可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: Promise-kept rate (%)
        zh: 承诺履约率（%）

        en: Promised
        zh: 承诺还款

        en: Promises (pending, and broken in the last 30 days)
        zh: 还款承诺（待履行及近30天内违约）

        en: Promises broken
        zh: 违约还款承诺

        en: Promises broken (12 months)
        zh: 违约还款承诺（12个月）

        en: Promises kept
        zh: 已履行还款承诺

        en: Promises kept (12 months)
        zh: 已履行还款承诺（12个月）

        en: Proof
        zh: 凭证

        en: Rate %
        zh: 利率 %

        en: Rate/day
        zh: 日利率

        en: Ratio
        zh: 比例

        en: Reads the canonical CSV of shared/spec/workspace-csv.md, or a foreign export through --map.
          The import is one transaction: when any record is wrong, every problem is listed as
          FILE:LINE:COLUMN: error: ... and nothing is written. Payments are allocated to invoices by
          the spec's rule whenever balances are computed. Who may run it (once the workspace has operators): finance or admin.
        zh: 读取 shared/spec/workspace-csv.md 规定的标准 CSV，或通过 --map 读取外部导出文件。
          导入为单一事务：任一记录有误时，所有问题均以 FILE:LINE:COLUMN: error: ... 形式列出，
          且不写入任何内容。每次计算余额时，按规范规则将付款分配至发票。
          可执行者（工作区设有操作员后）：财务或管理员。

        en: Reason
        zh: 原因

        en: Received
        zh: 已收

        en: Recent payments
        zh: 最近付款

        en: Recomputes every entry's hash from the first: prints the count and the last hash, or fails naming the first entry that does not match (an edit, a gap). With --checkpoint FILE (written by 'journal checkpoint') it also checks the checkpoint's signature and that its entry is still there with the same hash: entries deleted from the end show only that way. Who may run it (once the workspace has operators): anyone.
        zh: 从第一条起重新计算每条记录的哈希：输出条数和最后一个哈希，
          或失败并指出第一条不匹配的记录（被修改或有缺失）。
          使用 --checkpoint FILE（由“journal checkpoint”写入）时，还会校验检查点的签名，
          以及其对应记录仍然存在且哈希相同：从末尾删除的记录只能以此方式发现。可执行者（工作区设有操作员后）：
          所有人。

        en: Records a negative charge. AMOUNT defaults to everything charged and not yet waived; it cannot be more. A waived fee is not charged again by a later 'latefee post'. Who may run it (once the workspace has operators): every role but auditor.
        zh: 记录一笔负向费用。AMOUNT 默认为已计收且尚未减免的全部金额，且不得超过该金额。
          已减免的滞纳金不会被之后的“latefee post”再次计收。可执行者（工作区设有操作员后）：
          除审计员外的所有角色。

        en: Recoup command reference
        zh: Recoup 命令参考

        en: Recovered
        zh: 已追回

        en: Reduces
        zh: 冲减

        en: Reference
        zh: 参考号

        en: Refused, with nothing written, when the deposit refunded from holds less than the amount. Who may run it (once the workspace has operators): every role but auditor.
        zh: 若退款来源的预付款余额少于该金额，则拒绝执行，不写入任何内容。可执行者（工作区设有操作员后）：
          除审计员外的所有角色。

        en: Removed
        zh: 已删除

        en: Required
        zh: 应缴

        en: Required = the contract's prepay_ratio, else the policy's deposit.TIER.SERVICE, times the contract's value (contracts without a value are listed as 'no value'). Held = the deposit received for the contract; the customer's unallocated deposit then covers its contracts' shortfalls in signing order. Who may run it (once the workspace has operators): anyone.
        zh: 应缴 = 合同的 prepay_ratio（若无则取策略的 deposit.TIER.SERVICE）
          乘以合同金额（无金额的合同列为“无金额”）。已收 = 该合同已收到的预付款；
          客户未分配的预付款再按签约顺序弥补其各合同的差额。可执行者（工作区设有操作员后）：所有人。

        en: Resolution
        zh: 处理结果

        en: Resolved
        zh: 已解决

        en: Restructured
        zh: 已重组

        en: Role
        zh: 角色

        en: Roll rates
        zh: 迁徙率

        en: Roll rates from
        zh: 迁徙率（起）

        en: Roll rates to
        zh: 迁徙率（至）

        en: Rolled
        zh: 已迁徙

        en: Rows
        zh: 行数

        en: Runs FILE line by line as if typed, stopping at its first error (with FILE:LINE:COLUMN). Who may run it (once the workspace has operators): anyone.
        zh: 逐行执行 FILE，如同手动输入，遇到第一个错误即停止（并给出 FILE:LINE:COLUMN）。
          可执行者（工作区设有操作员后）：所有人。

        en: Runs SQLite's integrity check (every page, index and constraint) and its foreign-key check, then recomputes the journal's hash chain. Prints what holds, or fails naming what is damaged (a page, an index, a missing reference, the first journal entry that does not hold), so a nightly job stops before it backs up a damaged file over a good one. On PostgreSQL the server checks its own storage; the journal's chain is checked. Who may run it (once the workspace has operators): anyone.
        zh: 运行 SQLite 的完整性检查（所有页、索引和约束）及外键检查，然后重新计算日志的哈希链。
          输出检查通过的项目，或失败并指出损坏之处（某页、某索引、缺失的引用、第一条不成立的日志记录），
          使夜间任务在用损坏文件覆盖正常备份之前停止。在 PostgreSQL 上由服务器检查自身存储，
          日志哈希链照常检查。可执行者（工作区设有操作员后）：所有人。

        en: Runs from
        zh: 起始日期

        en: SQLite's online backup: a snapshot of the last commit, taken without stopping anyone (colleagues' writes go on and land after it). Written beside FILE and moved into place, so a failed backup leaves no file; the copy is then opened and checked as 'workspace check' does. A workspace on PostgreSQL is backed up with the server's pg_dump (the error says the command). Who may run it (once the workspace has operators): anyone.
        zh: SQLite 在线备份：最近一次提交的快照，无需中断任何人（同事的写入照常进行，并在快照之后落盘）。
          先写在 FILE 旁边再移动到位，因此备份失败不会留下文件；随后会像“workspace check”一样打开并检查副本。
          PostgreSQL 上的工作区使用服务器的 pg_dump 备份（错误信息会给出该命令）。
          可执行者（工作区设有操作员后）：所有人。

        en: Scenario
        zh: 模拟方案

        en: Scenario '{}' against the books, as of {}
        zh: 模拟方案“{}”与账面对比，截至{}

        en: Schedule
        zh: 还款计划表

        en: Scope
        zh: 范围

        en: Score
        zh: 评分

        en: Segment
        zh: 分组

        en: Seq
        zh: 序号

        en: Service
        zh: 服务

        en: Sets the customer's agent. Once the workspace has operators, the agent must be one, and a lead or admin assigns; queue shows a collector their own customers by default. Who may run it (once the workspace has operators): lead or admin.
        zh: 设置客户的催收负责人。工作区设有操作员后，负责人必须是操作员之一，并由组长或管理员分配；
          queue 默认只显示催收员自己负责的客户。可执行者（工作区设有操作员后）：组长或管理员。

        en: Settled
        zh: 结清

        en: Shortfall
        zh: 差额

        en: Signed
        zh: 签约日期

        en: Signed with Ed25519 by a key kept outside the workspace, in your state folder ($XDG_STATE_HOME/recoup/journal-checkpoint.key, mode 0600, made on first use). Keep the file apart from the workspace (mail it to finance, print it in the month-end report): 'journal verify --checkpoint FILE' then finds entries deleted from the end, which the chain alone cannot. Who may run it (once the workspace has operators): anyone.
        zh: 使用保存在工作区之外、位于您状态目录中的密钥以 Ed25519 签名
          （$XDG_STATE_HOME/recoup/journal-checkpoint.key，权限 0600，首次使用时生成）。
          请将该文件与工作区分开保存（邮件发给财务，或打印在月末报告中）：
          之后“journal verify --checkpoint FILE”即可发现从末尾删除的记录，这是仅靠哈希链无法做到的。
          可执行者（工作区设有操作员后）：所有人。

        en: Since
        zh: 起始

        en: State
        zh: 状态

        en: Status
        zh: 状态

        en: Step
        zh: 步骤

        en: Steps
        zh: 步骤

        en: Summary procedure or mediation (减半)
        zh: 简易程序或调解（减半）

        en: Suspend after
        zh: 暂停服务期限

        en: Suspended
        zh: 已暂停服务

        en: Target
        zh: 目标

        en: Tax ID
        zh: 税号

        en: Tax basis
        zh: 计费基数

        en: Term
        zh: 期限

        en: Terms
        zh: 账期

        en: Terms (days)
        zh: 账期（天）

        en: The Markdown (or, with --text, the plain text) of the customer's document as 'dun run' on the same day would write it. A customer with nothing due is an error. Who may run it (once the workspace has operators): anyone.
        zh: 客户催收文书的 Markdown（使用 --text 时为纯文本），内容与同一天“dun run”写出的一致。
          没有应付款项的客户会报错。可执行者（工作区设有操作员后）：所有人。

        en: The checker must be an operator other than the maker, of a role that may approve that kind and amount now (waivers: lead up to approval.lead_limit, finance above; write-offs and deposit refunds: finance; plans: lead or finance; policy: admin). If the change no longer applies to the books as they are (the invoice was paid meanwhile), the request is marked failed with the reason and nothing changes. Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 审批人必须是发起人以外的操作员，且其角色当前有权审批该类型和金额（减免：
          组长可审批至 approval.lead_limit，超出部分由财务审批；核销和预付款退款：财务；分期计划：组长或财务；
          策略：管理员）。若该变更已不适用于当前账面（例如发票已在此期间付清），请求将被标记为失败并注明原因，
          不做任何更改。可执行者（工作区设有操作员后）：组长、财务或管理员。

        en: The dispute is open again as if never resolved: its amount is held out of dunning, late fees, the queue and the overdue ladder from its opening day; the resolution it undid is kept with the correction. Who may run it (once the workspace has operators): every role but auditor.
        zh: 争议重新开启，如同从未解决：自其开启日起，其金额不参与催收、滞纳金、催收队列和逾期阶梯；
          被撤销的处理结果连同更正一并保留。可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: The disputed amount (default: all that is open) is held out of dunning, late fees, the queue's priority and the overdue ladder from the opening day through the day before it is resolved; it stays in aging and balances, shown as disputed. Who may run it (once the workspace has operators): every role but auditor.
        zh: 争议金额（默认：全部未结金额）自开启日起至解决前一天，不参与催收、滞纳金、催收队列优先级和逾期阶梯；
          仍计入账龄和余额，显示为争议中。可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: The payment is allocated like an imported one: to the invoice it names, or to the plan it is made toward (oldest row first), then oldest due first; what is left is unapplied credit. Who may run it (once the workspace has operators): every role but auditor.
        zh: 该付款与导入的付款一样分配：先分配至其指定的发票或所属分期计划（从最早的期次开始），
          再按到期日从早到晚分配；剩余部分为未分配贷项。可执行者（工作区设有操作员后）：除审计员外的所有角色。

        en: The period is a calendar month (--period, default: the last full month before today) or a range of days (--from and --to, both included). AR is the open amount of invoices issued by a day; credit sales are the invoices issued in the period (plan rows excluded); current AR is the part not yet due on the last day. DSO = AR at the end ÷ credit sales × days of the period; best possible DSO uses current AR; average days delinquent = DSO − best possible DSO; count-back DSO matches AR against the latest months' sales with their actual lengths. CEI = (BAR + S/N − EAR) ÷ (BAR + S/N − ECAR) × 100 with credit sales S divided by the number of months N the period touches. AR turnover = credit sales ÷ average of AR at the start and the end (for the period, not annualised). A roll rate is the share of a bucket's open amount one month before the last day that is open in a later bucket on the last day. Payment delay: days from due date to payment (early = 0) weighted by the amount applied, over payments received in the period; customers with the most amount × days first. Days and turnover are rounded half-up to 2 decimals, percentages to 1; a figure whose denominator is 0 is blank. Who may run it (once the workspace has operators): anyone.
        zh: 期间为一个自然月（--period，默认：今天之前最近一个完整月份）或一段日期（--from 与 --to，均含当日）。
          AR 为截至某日已开具发票的未结金额；赊销额为期间内开具的发票（不含分期计划行）；
          当期 AR 为最后一天尚未到期的部分。DSO = 期末 AR ÷ 赊销额 × 期间天数；最佳 DSO 使用当期 AR；
          平均逾期天数 = DSO − 最佳 DSO；倒推法 DSO 将 AR 与最近各月的销售额按各月实际天数逐月抵减。
          CEI = (BAR + S/N − EAR) ÷ (BAR + S/N − ECAR) × 100，其中赊销额 S 除以期间涉及的月数 N。
          应收账款周转率 = 赊销额 ÷ 期初与期末 AR 的平均值（按期间计，不年化）。
          迁徙率为最后一天前一个月某账龄区间的未结金额中，在最后一天处于更后区间的部分所占比例。付款延迟：
          期间内收到的付款从到期日到付款日的天数（提前付款计为 0），按分配金额加权；
          按金额 × 天数从高到低列出客户。天数和周转率四舍五入保留2位小数，百分比保留1位；分母为 0 的指标留空。
          可执行者（工作区设有操作员后）：所有人。
        """#
}
