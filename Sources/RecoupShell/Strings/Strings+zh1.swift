extension ChineseText {
    /// Part 1 of the Chinese catalogue (the English keys in the order of `docs/strings/en.txt`).
    static let part1 = #"""
        en: 'invoice list' needs --customer
        zh: “invoice list”需要 --customer

        en: 'latefee waive' needs --reason TEXT
        zh: “latefee waive”需要 --reason TEXT

        en: 'payment list' needs --customer
        zh: “payment list”需要 --customer

        en: 'plan compare' needs --term N,N,...
        zh: “plan compare”需要 --term N,N,...

        en: 'plan create' needs --term N
        zh: “plan create”需要 --term N

        en: 'plan quote' needs --term N
        zh: “plan quote”需要 --term N

        en: 'set NAME VALUE' defines $NAME for the rest of the session or script. Two names are special:
          'set today 2024-06-30' pins the date for this shell or script alone (used wherever --as-of is
          not given; colleagues on the workspace keep theirs; 'set today off' returns to the workspace's
          date), and 'set format table|csv|json' changes the default output format of this session.
          'set language zh|en' shows help, messages and table headers in Chinese or English (command
          words, options, CSV and JSON stay the same); typed at the prompt it is saved as your choice
          for the shells you open later, in a script it holds for the script alone. 'set pager off' prints
          long output straight to the terminal instead of through $PAGER (default 'less -FRX'); scripts
          never page.
          'workspace pin-date' pins a date for everyone on the workspace. 'set' alone lists the variables. Who may run it (once the workspace has operators): anyone.
        zh: “set NAME VALUE”为本会话或脚本的其余部分定义 $NAME。有两个名称比较特殊：
          “set today 2024-06-30”仅为当前 shell 或脚本固定日期（凡未给出 --as-of 时均使用该日期；
          工作区的同事保留各自的日期；“set today off”恢复为工作区的日期），“set format table|csv|json”更改本会话的默认输出格式。
          “set language zh|en”以中文或英文显示帮助、消息和表头（命令词、选项、
          CSV 和 JSON 保持不变）；在提示符下输入时会保存为您的选择，用于之后打开的 shell；
          在脚本中仅对该脚本有效。“set pager off”将较长的输出直接显示在终端上，
          不经过 $PAGER（默认“less -FRX”）；脚本从不分页。“workspace pin-date”为工作区所有人固定日期。
          单独输入“set”列出所有变量。可执行角色（工作区设有操作员后）：所有人。

        en: 'set {}' needs a value
        zh: “set {}”需要一个值

        en: 'set' lists the variables
        zh: “set”列出所有变量

        en: '{}' already holds a workspace: copy into a new file or an empty database
        zh: “{}”中已有工作区：请复制到新文件或空数据库

        en: '{}' cannot be a database login (letters, digits, _ . - @)
        zh: “{}”不能用作数据库登录名（仅限字母、数字、_ . - @）

        en: '{}' cannot be part of a what-if scenario: it writes outside the books' changes
        zh: “{}”不能在模拟方案中使用：它会写入账簿变更之外的内容

        en: '{}' exists already
        zh: “{}”已存在

        en: '{}' holds a workspace already
        zh: “{}”中已有工作区

        en: '{}' is not TOML: {}
        zh: “{}”不是有效的 TOML：{}

        en: '{}' is not a checkpoint key
        zh: “{}”不是检查点密钥

        en: '{}' is not a journal checkpoint
        zh: “{}”不是日志检查点

        en: '{}' is not a plain database name
        zh: “{}”不是简单的数据库名称

        en: '{}' is not an operator of this workspace
        zh: “{}”不是本工作区的操作员

        en: '{}' is not an operator of this workspace: assign customers to operators
        zh: “{}”不是本工作区的操作员：只能将客户分配给操作员

        en: '{}' matches {} customers: {}
        zh: “{}”匹配到 {} 个客户：{}

        en: '{}' needs --principal AMOUNT or --customer ID
        zh: “{}”需要 --principal AMOUNT 或 --customer ID

        en: '{}' needs a CUSTOMER or --all
        zh: “{}”需要指定 CUSTOMER 或 --all

        en: '{}' needs a subcommand: {}
        zh: “{}”需要子命令：{}

        en: --by DATE is required
        zh: 必须指定 --by DATE

        en: --channel is required
        zh: 必须指定 --channel

        en: --delivered needs the customer whose letters arrived
        zh: --delivered 需要指定函件已送达的客户

        en: --demand marks a demand for payment (催告): it interrupts the limitation period only once delivered (--delivered DATE, with --proof: a signature, waybill or message id). --acknowledged records that the customer acknowledged the debt in a way that can be proved. The contact guard: a call, visit, SMS or WeChat message to the customer within contact.min_interval_days of the last one, or one logged now outside contact.hours, is refused unless --force REASON (letters, e-mail and inbound contacts are not held back). Who may run it (once the workspace has operators): every role but auditor.
        zh: --demand 表示一次付款催告（催告）：仅在送达后（--delivered DATE，
          并以 --proof 提供签收记录、运单号或消息编号）才中断诉讼时效。--acknowledged 记录客户以可证明的方式承认了债务。
          联系限制：距上次联系不足 contact.min_interval_days 天时对客户的电话、
          上门、短信或微信联系，或在 contact.hours 之外登记的联系，将被拒绝，除非使用 --force REASON（信函、
          电子邮件和客户主动来电不受限制）。可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: --match is for payments
        zh: --match 仅用于付款

        en: --out FILE is required
        zh: 必须指定 --out FILE

        en: --period cannot be combined with {}
        zh: --period 不能与 {} 同时使用

        en: --reason is required
        zh: 必须指定 --reason

        en: --request is for a contract over the credit limit while limit.over is block
        zh: --request 仅用于 limit.over 为 block 时超出授信额度的合同

        en: --tier simple or --tier complex is required
        zh: 必须指定 --tier simple 或 --tier complex

        en: --to {} is before --from {}
        zh: --to {} 早于 --from {}

        en: 30/360 (default), actual/365 or actual/actual
        zh: 30/360（默认）、actual/365 或 actual/actual

        en: A contract's days overdue count from the due date of its earliest open, undisputed overdue invoice; its state is the most severe rung of the policy's overdue.ladder whose days it has reached ('contract' is the contract's suspend_after_days, else clause.suspend_after_days). Invoices without a contract count under customer:ID, plan rows under their plan. A customer's state is its most severe contract's; suspension applies to that contract only. Transitions compare with the states the last run recorded, one row per rung passed, up or down, with the reason. The run records its states (one transaction, journaled) unless --dry-run or inside a what-if scenario. Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 合同的逾期天数从其最早一张未结、无争议的逾期发票的到期日起算；其状态为策略 overdue.ladder 中已达到天数的最严重一级（“contract”指合同的 suspend_after_days，
          否则为 clause.suspend_after_days）。无合同的发票计入 customer:ID，
          分期计划行计入其分期计划。客户的状态取其最严重合同的状态；暂停服务仅适用于该合同。状态变化与上次运行记录的状态比较，
          每越过一级（升级或降级）一行，并附原因。本次运行会记录各状态（单一事务，记入日志），
          除非使用 --dry-run 或在模拟方案中。可执行角色（工作区设有操作员后）：组长、
          财务或管理员。

        en: A valid dispute resolved with --credit AMOUNT records a credit note that reduces what the invoice owes. Either way the hold ends on the day resolved: late fees, dunning and the queue take the invoice up again from that day. Who may run it (once the workspace has operators): every role but auditor.
        zh: 以 --credit AMOUNT 解决的有效争议会记录一张贷项通知单，减少该发票的应付金额。
          无论哪种方式，冻结都在解决当天结束：滞纳金、催收和催收队列从当天起重新处理该发票。可执行角色（工作区设有操作员后）
          ：除审计员外的所有角色。

        en: A voided payment counts in no balance, late fee, promise or limitation period on any day. Voiding waits for a lead's or finance's approval while approval.void_payments is on (the default) in a workspace with operators. Who may run it (once the workspace has operators): every role but auditor.
        zh: 已作废的付款在任何一天都不计入余额、滞纳金、还款承诺或诉讼时效。在有操作员的工作区中，
          approval.void_payments 开启时（默认开启），作废需经组长或财务审批。
          可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: AR at end
        zh: 期末应收账款

        en: AR at start
        zh: 期初应收账款

        en: AR turnover (period)
        zh: 应收账款周转率（期间）

        en: About
        zh: 涉及

        en: Accrued
        zh: 已计提

        en: Ack
        zh: 承认

        en: Action
        zh: 措施

        en: Actual loss
        zh: 实际损失

        en: Added
        zh: 添加

        en: Agency
        zh: 征信机构

        en: Agent
        zh: 经办人

        en: Aging as of {}, by {}
        zh: 截至 {} 的账龄，按{}

        en: Amount
        zh: 金额

        en: Amount financed
        zh: 分期金额

        en: An operator is the OS account that runs recoup (its login name). Until the first operator is added the workspace is single-user; the first one must be the account running this command, as admin. Once operators exist, an account that is not one is refused, and $RECOUP_OPERATOR no longer chooses who you are. Roles: auditor (reads only), collector, legal, lead, finance, admin (README: Who may do what). Who may run it (once the workspace has operators): admin.
        zh: 操作员是运行 recoup 的操作系统账户（其登录名）。在添加第一个操作员之前，工作区为单用户模式；
          第一个操作员必须是运行本命令的账户，且角色为 admin。一旦存在操作员，非操作员账户将被拒绝，
          $RECOUP_OPERATOR 也不再决定您的身份。角色：auditor（审计员，
          只读）、collector（催收员）、legal（法务）、lead（组长）、finance（财务）
          、admin（管理员）（见 README：Who may do what）。可执行角色（工作区设有操作员后）
          ：管理员。

        en: Annualized %
        zh: 年化 %

        en: Annualized rate (%)
        zh: 年化利率（%）

        en: Applied
        zh: 已冲抵

        en: Approvers
        zh: 审批人

        en: As of
        zh: 截至

        en: Asked
        zh: 申请

        en: At
        zh: 时间

        en: Average days delinquent
        zh: 平均逾期天数

        en: Average days late (by amount)
        zh: 平均逾期天数（按金额加权）

        en: Average monthly billing (365 days)
        zh: 月均开票额（365 天）

        en: Average payment delay (days)
        zh: 平均付款延迟（天）

        en: Avg days late
        zh: 平均逾期天数

        en: Balance
        zh: 余额

        en: Base
        zh: 基准

        en: Basis
        zh: 计息基准

        en: Basis in words
        zh: 计息基准说明

        en: Best possible DSO (days)
        zh: 最佳应收账款周转天数（DSO，天）

        en: Billed a month of the limit, last 3 months (%)
        zh: 近 3 个月月均开票额占额度比例（%）

        en: Billed/limit %
        zh: 账单/额度 %

        en: Books
        zh: 账簿

        en: Broken promises
        zh: 未兑现的还款承诺

        en: Broken since
        zh: 未兑现起始日

        en: Buckets
        zh: 账龄区间

        en: Buckets count days past the due date with inclusive upper bounds (with 30,60,90: 1-30,
          31-60, 61-90, 91+; 31 days late is 31-60); amounts not yet due are current. Open amounts
          follow the allocation rule exactly (payments received on or before the day). --format csv
          with --by customer prints customer_id,current,1-30,31-60,61-90,91+,total (the bucket
          columns follow --buckets), one row per customer with an open amount. The table adds the
          disputed part, totals and, on a terminal, a bar per bucket. Who may run it (once the workspace has operators): anyone.
        zh: 账龄区间按超过到期日的天数划分，上限包含在内（设为 30,60,90 时：1-30、
          31-60、61-90、91+；逾期 31 天属于 31-60）；尚未到期的金额计为未到期。
          未结金额严格遵循分配规则（计入当天及之前收到的付款）。--format csv 搭配 --by customer 时输出 customer_id,current,1-30,31-60,61-90,91+,total（区间列随 --buckets 变化）
          ，每个有未结金额的客户一行。表格还会显示争议部分和合计，在终端上每个区间另附一条柱形。
          可执行角色（工作区设有操作员后）：所有人。

        en: Bureau
        zh: 征信机构

        en: Bureau date
        zh: 征信日期

        en: Bureau score
        zh: 征信评分

        en: By
        zh: 操作人

        en: By tier
        zh: 按信用等级

        en: CEI (%)
        zh: 催收效率指数 CEI（%）

        en: CEI variant
        zh: CEI 计算口径

        en: CUSTOMER is an id, a name, part of a name or the pinyin initials of a Chinese name (shxc finds 上海星辰科技有限公司); when several customers match, they are listed. Who may run it (once the workspace has operators): anyone.
        zh: CUSTOMER 可以是编号、名称、名称的一部分或中文名称的拼音首字母（shxc 可找到 上海星辰科技有限公司）
          ；有多个客户匹配时会全部列出。可执行角色（工作区设有操作员后）：所有人。


        en: Cap
        zh: 上限

        en: Capped
        zh: 已封顶

        en: Case
        zh: 案件

        en: Case fee (案件受理费)
        zh: 案件受理费

        en: Case {} against {} {}
        zh: 案件 {}，被告 {} {}

        en: Change
        zh: 变化

        en: Changes
        zh: 变更

        en: Channel
        zh: 渠道

        en: Charged now
        zh: 本次计收

        en: Charges
        zh: 费用

        en: Checker
        zh: 审批人

        en: Claim
        zh: 债权

        en: Clock
        zh: 时效计时

        en: Clock by
        zh: 计时依据

        en: Collections
        zh: 回款

        en: Collections KPIs
        zh: 催收指标

        en: Command
        zh: 命令

        en: Contact
        zh: 联系人

        en: Contract
        zh: 合同

        en: Contract value
        zh: 合同金额

        en: Contracts
        zh: 合同

        en: Contracts whose required deposit changes
        zh: 所需预付款发生变化的合同

        en: Copies the books, the journal, the policy, saved scenarios and operators in one transaction on the target, from one snapshot of this workspace, then checks the copy (every table's row count and the journal's chain to the same newest entry) before it reports success. The target is a new file or an empty database (postgres://USER@HOST[:PORT]/DATABASE); SQLite to PostgreSQL or back. Who may run it (once the workspace has operators): anyone.
        zh: 以单一事务在目标上复制账簿、日志、策略、已保存的模拟方案和操作员，数据取自本工作区的同一快照，
          然后校验副本（每张表的行数，以及日志哈希链是否指向相同的最新条目），校验通过后才报告成功。
          目标是新文件或空数据库（postgres://USER@HOST[:PORT]/DATABASE）
          ；支持 SQLite 与 PostgreSQL 互相迁移。可执行角色（工作区设有操作员后）
          ：所有人。

        en: Corrections
        zh: 更正

        en: Count-back DSO (days)
        zh: 倒推法应收账款周转天数（DSO，天）

        en: Court
        zh: 法院

        en: Credit
        zh: 贷项

        en: Credit limit
        zh: 授信额度

        en: Credit record of {} {} as of {}
        zh: {} {} 截至 {} 的信用档案

        en: Credit sales
        zh: 赊销额

        en: Current AR at end
        zh: 期末未到期应收账款

        en: Customer
        zh: 客户

        en: Customer since
        zh: 合作起始日

        en: Customers
        zh: 客户

        en: Customers changed
        zh: 变动客户

        en: Customers changing tier
        zh: 信用等级变动的客户

        en: Customers, books
        zh: 客户（账簿）

        en: Customers, scenario
        zh: 客户（模拟方案）

        en: DSO (days)
        zh: 应收账款周转天数（DSO，天）

        en: Date
        zh: 日期

        en: Day
        zh: 日

        en: Days
        zh: 天数

        en: Days held
        zh: 冻结天数

        en: Days late
        zh: 逾期天数

        en: Days left
        zh: 剩余天数

        en: Days overdue
        zh: 逾期天数

        en: Deadline
        zh: 截止日期

        en: Decided
        zh: 判定

        en: Default
        zh: 默认

        en: Default: the pending promises. paid is what was appropriated to the promise as of the day; needed is what keeps it. Who may run it (once the workspace has operators): anyone.
        zh: 默认列出待履行的还款承诺。paid 是截至当日已分配给该承诺的金额；needed 是维持该承诺所需的金额。
          可执行角色（工作区设有操作员后）：所有人。

        en: Delay (days)
        zh: 延迟（天）

        en: Delivered
        zh: 送达

        en: Demand
        zh: 催告

        en: Deposit held by {} {}
        zh: {} {} 的已收预付款

        en: Deposit held, free for it
        zh: 已收预付款（可用于该合同）

        en: Deposit ratio, {}
        zh: 预付比例，{}

        en: Deposit required
        zh: 所需预付款

        en: Deposit still needed
        zh: 尚需预付款

        en: Deposits to collect, change
        zh: 待收预付款（变化）

        en: Detail
        zh: 明细

        en: Dir
        zh: 方向

        en: Dispute {}
        zh: 争议 {}

        en: Disputed
        zh: 争议中

        en: Disputed invoices
        zh: 争议发票

        en: Draws on the deposit held for the invoice's contract first, then on the unallocated deposit. A paid invoice, more than is open or more than is held is refused, and nothing is written. Who may run it (once the workspace has operators): every role but auditor.
        zh: 先从该发票所属合同的预付款中抵扣，再从未分配的预付款中抵扣。已付清的发票、超过未结金额或超过已收预付款的金额将被拒绝，
          且不写入任何内容。可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: Due
        zh: 到期

        en: Due 15 days (simple) or 30 days (complex) after the day received, that day not counted (policy complaint.simple_days, complaint.complex_days; CBIRC 2020 No. 3). The operator a complaint is about may not resolve it. Who may run it (once the workspace has operators): every role but auditor.
        zh: 处理期限为收到之日后 15 天（简单）或 30 天（复杂），收到当日不计入（策略 complaint.simple_days、
          complaint.complex_days；银保监会 2020 年第 3 号令）。
          被投诉的操作员不得处理该投诉。可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: Due now (whole balance)
        zh: 当前应付（全部余额）

        en: Dunning cadence
        zh: 催收节奏

        en: Each change is applied again to the books as they are now, with every check it makes (what a deposit
          holds, what an invoice has open, whether a payment id is free). When one no longer applies, the commit
          names it and why, writes nothing, and the scenario stays open to be changed ('whatif drop N') or
          discarded. Who may run it (once the workspace has operators): every role but auditor.
        zh: 每项变更都会按账簿当前状态重新应用，并执行其全部检查（预付款可用余额、发票未结金额、
          付款编号是否可用）。若某项变更已不再适用，提交会指出该项及原因，不写入任何内容，模拟方案保持打开，
          可修改（“whatif drop N”）或放弃。可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: Each claim (an invoice; an installment plan from its last installment) runs 3 years from its due date, restarted by each delivered demand, acknowledgement (a promise, a part payment, a plan, a recorded acknowledgement) and legal step (Civil Code arts. 188, 189, 195; SPC rules arts. 8, 9, 14). status: running, expired, or expired_acknowledged (acknowledged after it ran out, art. 192). Expired claims are listed, never dropped. limitation.weekends and limitation.holidays move a deadline to the next working day. Who may run it (once the workspace has operators): anyone.
        zh: 每项债权（一张发票；分期付款计划自最后一期起算）的诉讼时效为自到期日起 3 年，每次已送达的催告、
          承认（还款承诺、部分付款、分期计划、已登记的承认）和法律程序都会使其重新起算（《民法典》第 188、
          189、195 条；最高人民法院规定第 8、9、14 条）。status：running（进行中）
          、expired（已届满）或 expired_acknowledged（届满后承认，
          第 192 条）。已届满的债权仍会列出，绝不删除。limitation.weekends 和 limitation.holidays 会将截止日顺延至下一个工作日。
          可执行角色（工作区设有操作员后）：所有人。

        en: Each open amount is expected on its due date (today for overdue amounts) plus the customer's average days late, times the share of their matured invoices they have paid (halved for amounts over 365 days overdue); customers with fewer than 3 paid or matured invoices take the portfolio's figures. Due is the open amount by the month it falls due. The last row, later, sums what lands after the last month. Inside a what-if scenario the base and the scenario are shown side by side. In table format each month has a bar. Who may run it (once the workspace has operators): anyone.
        zh: 每笔未结金额预计在其到期日（逾期金额为今天）加上该客户的平均逾期天数时回款，乘以该客户已到期发票中已付清的比例（逾期超过 365 天的金额减半）
          ；已付或已到期发票少于 3 张的客户采用整体组合的数据。“到期”列为按到期月份汇总的未结金额。
          最后一行“以后”汇总最后一个月之后的回款。在模拟方案中，基准与方案并列显示。表格格式下每月附一条柱形。
          可执行角色（工作区设有操作员后）：所有人。

        en: Each period's interest is rounded to the fen; the level payment is rounded by --rounding to
          --multiple; the last installment absorbs the remainder, so principal sums exactly to the
          amount financed. The annualized rate is the IRR per period of the customer's cash flows times
          the periods in a year (as PBOC 2021 No. 3 requires lenders to show); the effective rate
          compounds it. --format csv prints period,due_on,payment,principal,interest,fee,balance
          (period 0 is the down payment and upfront fee, when there are any); --format json prints
          {"schedule": [...], "summary": {...}} with amounts and rates (percent) as decimal strings. Who may run it (once the workspace has operators): anyone.
        zh: 每期利息四舍五入到分；等额还款额按 --rounding 取整到 --multiple 的倍数；
          最后一期吸收余差，使本金合计恰好等于分期金额。年化利率为客户现金流的每期 IRR 乘以一年的期数（按中国人民银行 2021 年第 3 号公告要求贷款方展示）
          ；实际利率为其复利值。--format csv 输出 period,due_on,payment,principal,interest,fee,balance（第 0 期为首付款和前期费用，
          如有）；--format json 输出 {"schedule": [...], "summary": {...}}，
          金额和利率（百分比）为十进制字符串。可执行角色（工作区设有操作员后）：所有人。

        en: Each promise is decided once: a run prints only what was decided since the last one, and journals it. Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 每项还款承诺只判定一次：每次运行只输出自上次运行以来的判定结果，并记入日志。可执行角色（工作区设有操作员后）
          ：组长、财务或管理员。

        en: Each row is kept as a report; each customer's bureau score (used by the credit score from its
          date on) becomes its latest report. One transaction: when any row is wrong (unknown customer,
          score outside 0-1000, bad date, missing column, a report already on file for the same
          customer, day and agency) every problem is listed as FILE:LINE:COLUMN: error: ... and
          nothing is written. Who may run it (once the workspace has operators): finance or admin.
        zh: 每一行保存为一份征信报告；每个客户的征信评分（自其日期起用于信用评分）成为其最新报告。
          单一事务：任何一行有误（未知客户、评分不在 0-1000 范围内、日期错误、缺少列、
          同一客户同一天同一机构的报告已存在）时，所有问题都会以 FILE:LINE:COLUMN: error: ... 列出，
          且不写入任何内容。可执行角色（工作区设有操作员后）：财务或管理员。

        en: Effect
        zh: 影响

        en: Effective %
        zh: 实际 %

        en: Effective annual rate (%)
        zh: 实际年利率（%）

        en: Email
        zh: 电子邮件

        en: Enforcement (执行)
        zh: 强制执行

        en: Event
        zh: 事件

        en: Every change is an entry, numbered without gaps and chained by SHA-256 to the one before ('journal verify'). CSV and JSON carry each entry's kind and typed change (payload) and its hash. Who may run it (once the workspace has operators): anyone.
        zh: 每项变更都是一条日志条目，连续编号无间断，并通过 SHA-256 与前一条链接（“journal verify”）
          。CSV 和 JSON 包含每条条目的类型、类型化变更（payload）及其哈希值。
          可执行角色（工作区设有操作员后）：所有人。

        en: Evidence
        zh: 证据

        en: Excessive (art. 585)
        zh: 过高（第 585 条）

        en: Expected
        zh: 预计

        en: Expected collections by month (see 'forecast')
        zh: 按月预计回款（见“forecast”）

        en: Expected loss once collected, books
        zh: 收回后预期损失（账簿）

        en: Expected loss once collected, scenario
        zh: 收回后预期损失（模拟方案）

        en: Expected loss once deposits are collected, change
        zh: 预付款收齐后预期损失（变化）

        en: Expected loss, books
        zh: 预期损失（账簿）

        en: Expected loss, change
        zh: 预期损失（变化）

        en: Expected loss, scenario
        zh: 预期损失（模拟方案）

        en: Exposure = open receivables + what the customer's contracts are still to bill (value - invoiced, not below 0) + the new value. The limit is the customer's own credit limit, else the policy's limit.TIER. Verdict: ok, needs deposit (free deposit below required), over limit (blocked or warning, per limit.over). Who may run it (once the workspace has operators): every role but auditor.
        zh: 风险敞口 = 未结应收账款 + 客户合同尚待开票的金额（合同金额 - 已开票金额，不低于 0）
          + 新合同金额。额度为客户自身的授信额度，否则为策略的 limit.TIER。结论：
          正常、需预付款（可用预付款低于所需）、超出额度（按 limit.over 阻止或警告）
          。可执行角色（工作区设有操作员后）：除审计员外的所有角色。

        en: Exposure with this contract
        zh: 含本合同的风险敞口

        en: Extended
        zh: 已延期

        en: Fee
        zh: 费用

        en: Fee cap
        zh: 费用上限

        en: Fees
        zh: 费用

        en: Fees accrued
        zh: 已计提费用

        en: File
        zh: 文件

        en: Financed
        zh: 分期金额

        en: First
        zh: 首次

        en: For each invoice the charge is the fee accrued to the day less the late fees already posted for it, so a later day adds only the increment; an invoice already posted for the day is left as it is. Without CUSTOMER, every customer's fees are posted. Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 每张发票的计收金额为截至当日累计的滞纳金减去已为其入账的滞纳金，因此较晚的日期只增加增量部分；
          当日已入账的发票保持不变。未指定 CUSTOMER 时，为所有客户入账滞纳金。可执行角色（工作区设有操作员后）
          ：组长、财务或管理员。

        en: For each open, undisputed invoice, the most advanced step of the customer's tier's ladder (the policy's dunning.TIER; 'standard' is dunning.ladder) whose day (due date + offset) is on or before the day and that was not recorded before; milder steps due at the same time are recorded as passed and never sent. One document per customer, of the most severe action among its invoices (reminder 付款提醒, letter 催款函, final_notice 最后催告函, call: a call-list entry, legal_review: a file for legal review), with the statement of account, written as CUSTOMERID-ACTION.md and .txt. The steps are recorded in one transaction: running again the same day sends nothing new. --dry-run writes and records nothing. Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 对每张未结、无争议的发票，取该客户信用等级催收阶梯（策略的 dunning.TIER；
          “standard”对应 dunning.ladder）中最靠后的一步，其日期（到期日 + 偏移天数）
          不晚于当日且此前未记录；同时到期的较轻步骤记录为已跳过，不再发送。每个客户生成一份文件，
          采用其各发票中最严重的动作（reminder 付款提醒、letter 催款函、final_notice 最后催告函、
          call：加入电话清单、legal_review：提交法律审查的材料），附对账单，写为 CUSTOMERID-ACTION.md 和 .txt。
          各步骤在单一事务中记录：同一天再次运行不会发送新内容。--dry-run 不写入也不记录任何内容。
          可执行角色（工作区设有操作员后）：组长、财务或管理员。
        """#
}
