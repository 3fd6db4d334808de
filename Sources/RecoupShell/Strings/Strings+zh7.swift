extension ChineseText {
    /// Part 7 of the Chinese catalogue: the policy settings' help and the program's options.
    static let part7 = #"""
        en: --customer quotes the customer's overdue balance; --principal quotes an amount of your own
        zh: --customer 按该客户的逾期余额试算；--principal 按自行指定的金额试算

        en: Create the workspace when there is none at the path (otherwise a missing file is an error).
        zh: 该路径下没有工作区时新建一个（否则文件不存在即报错）。

        en: In scripts, run on after a failing command; exit 1 at the end if any failed.
        zh: 在脚本中，命令失败后继续执行；若有任何命令失败，结束时以 1 退出。

        en: Late fees owed (besides the plan)
        zh: 应付滞纳金（分期计划之外）

        en: Parse the script (-f, -c or standard input) and report its grammar errors; run nothing.
        zh: 解析脚本（-f、-c 或标准输入）并报告语法错误；不执行任何命令。

        en: Print each command before running it.
        zh: 执行每条命令前先打印该命令。

        en: a limitation deadline on a Saturday or Sunday moves to the Monday: on or off (off warns earlier)
        zh: 诉讼时效届满日为周六或周日时顺延至周一：on 或 off（off 会更早提醒）

        en: a new contract that takes exposure over the credit limit: block or warn
        zh: 新合同使风险敞口超出授信额度时的处理：block 或 warn

        en: an annual rate like 24% or 15.4%
        zh: 年利率，例如 24% 或 15.4%

        en: annual rate of the actual loss from late payment (the 1-year LPR): a fee more than 30 % above it is flagged (Civil Code art. 585)
        zh: 逾期付款实际损失的年利率（1 年期 LPR）：费用超过该利率 30% 以上即予标记（《民法典》第 585 条）

        en: calling hours for phone, visit, SMS and WeChat contacts logged for today; outside them --force REASON is asked for
        zh: 当天记录的电话、上门、短信和微信联系的允许时段；超出时段需提供 --force REASON

        en: cap on late fees as a fraction of the overdue principal
        zh: 滞纳金上限，以逾期本金的比例表示

        en: continue a script after a failing command
        zh: 命令失败后继续执行脚本

        en: credit limit of a tier {} customer without its own: an amount, or Nx = N times its average monthly billing over the last 365 days
        zh: 未单独设定授信额度的信用等级 {} 客户的授信额度：金额，或 Nx = 其近 365 天月均账单金额的 N 倍

        en: days after a promise to pay is broken during which the customer ranks higher (a pending promise ranks it lower until decided)
        zh: 承诺还款违约后客户排序靠前的天数（待定的还款承诺在有结果前使其排序靠后）

        en: days after the due date before late fees start
        zh: 到期日后多少天开始计收滞纳金

        en: days after the promised date a promise may still be kept; broken the day after
        zh: 承诺日期后仍可履行还款承诺的天数；次日即视为违约

        en: days an installment may stay unpaid past due before the plan is broken
        zh: 某期逾期未付多少天后分期计划视为违约

        en: days from invoice to due date when a contract states none
        zh: 合同未约定时，从开票到到期日的天数

        en: days overdue after which the service may be suspended
        zh: 逾期多少天后可暂停服务

        en: days that must pass between calls, visits and messages to one customer (1: at most one a day); logging a closer one asks for --force REASON
        zh: 对同一客户的电话、上门和消息之间须间隔的天数（1：每天最多一次）；记录间隔更短的联系需提供 --force REASON

        en: days to answer a complex complaint, the day received not counted
        zh: 答复复杂投诉的期限天数，收到当日不计

        en: days to answer a simple complaint, the day received not counted
        zh: 答复简单投诉的期限天数，收到当日不计

        en: decimals of the annualized and effective rates in a table (default 2; CSV and JSON give 4)
        zh: 表格中年化利率和实际利率的小数位数（默认 2；CSV 和 JSON 为 4）

        en: dunning cadence of tier {}: 'standard' (dunning.ladder) or its own DAYS:ACTION ladder
        zh: 信用等级 {} 的催收节奏：“standard”（dunning.ladder）或其自有的 DAYS:ACTION 阶梯

        en: dunning steps, DAYS:ACTION, days relative to the due date (negative: before it)
        zh: 催收步骤，格式为 DAYS:ACTION，天数相对于到期日（负数：到期日之前）

        en: give --principal or --customer, not both
        zh: 请指定 --principal 或 --customer，不能同时指定

        en: highest annualized rate (fees included) a plan may cost the customer: quotes and plans above it are refused
        zh: 分期计划对客户的最高年化利率（含费用）：超过该利率的试算和分期计划将被拒绝

        en: language of dunning letters: zh (催款函) or en
        zh: 催款函语言：zh（催款函）或 en

        en: largest late-fee waiver applied at once; a larger one (whoever makes it) waits for a lead's or finance's approval
        zh: 可直接生效的最大滞纳金减免额；超出的减免（无论由谁发起）须等待组长或财务审批

        en: largest waiver a lead may approve; above it only finance approves
        zh: 组长可审批的最大减免额；超出部分仅限财务审批

        en: late fee per day as a fraction of the overdue amount (0.0005 = 0.05 %/day)
        zh: 每日滞纳金占逾期金额的比例（0.0005 = 每日 0.05%）

        en: longest plan (installments) created at once; a longer one waits for a lead's or finance's approval
        zh: 可直接创建的最长分期计划（期数）；更长的须等待组长或财务审批

        en: lower --rate or the fees, or ask for the policy to change (policy set plan.max_rate)
        zh: 请降低 --rate 或费用，或申请修改策略（policy set plan.max_rate）

        en: lowest annual plan rate created at once (the floor); a lower or interest-free plan waits for a lead's or finance's approval
        zh: 可直接创建的分期计划最低年利率（下限）；更低或免息的分期计划须等待组长或财务审批

        en: lowest credit score of tier A (0-1000, higher is safer)
        zh: 信用等级 A 的最低信用评分（0-1000，越高越安全）

        en: lowest credit score of tier B
        zh: 信用等级 B 的最低信用评分

        en: lowest credit score of tier C; below it is tier D
        zh: 信用等级 C 的最低信用评分；低于此值为信用等级 D

        en: minutes a customer taken with queue --take stays with the collector (logging the contact or queue --release ends it sooner)
        zh: 用 queue --take 领取的客户归属该催收员的分钟数（记录联系记录或执行 queue --release 可提前结束）

        en: most days a complaint's due date may be extended in all
        zh: 投诉到期日累计最多可延长的天数

        en: on: voiding a payment waits for a lead's or finance's approval; off: it applies at once
        zh: on：作废付款须等待组长或财务审批；off：立即生效

        en: overdue amounts below this are left out of the call queue
        zh: 逾期金额低于此值的客户不进入催收队列

        en: overdue states from the mildest, STATE:DAYS; 'contract' takes the contract's suspend_after_days
        zh: 逾期状态，从最轻的开始，格式为 STATE:DAYS；“contract”取合同的 suspend_after_days

        en: payment terms in days offered to a tier {} customer on a new contract
        zh: 新合同给予信用等级 {} 客户的付款期限（天）

        en: print each command before running it
        zh: 执行每条命令前先打印该命令

        en: rounding of computed amounts: half-up, half-even or up
        zh: 计算金额的舍入方式：half-up、half-even 或 up

        en: run one shell command (repeatable)
        zh: 执行一条 shell 命令（可重复使用）

        en: run the commands in a script file
        zh: 执行脚本文件中的命令

        en: score customers with a credit limit on file by the credit-line terms too (fitted on credit lines, docs/SCORING.md): on or off
        zh: 对已登记授信额度的客户，同时按授信条款评分（基于授信数据拟合，见 docs/SCORING.md）：on 或 off

        en: share of a promise that must arrive for it to be kept, e.g. 90%
        zh: 还款承诺视为已履行所需的到账比例，例如 90%

        en: show at most N {}
        zh: 最多显示 N {}

        en: show help and exit
        zh: 显示帮助并退出

        en: statutory holidays (YYYY-MM-DD, comma-separated): a limitation deadline on one moves to the next working day
        zh: 法定节假日（YYYY-MM-DD，逗号分隔）：诉讼时效届满日落在节假日时顺延至下一个工作日

        en: the plan's annualized rate {}% is above the policy's plan.max_rate {}%
        zh: 分期计划的年化利率 {}% 高于策略的 plan.max_rate {}%

        en: upper bounds of the overdue buckets in days, inclusive (31 days late is 31-60)
        zh: 逾期账龄区间的上限天数，含上限（逾期 31 天属于 31-60）

        en: what a payment toward an installment pays first
        zh: 偿还某期款项时优先冲抵的部分

        en: workspace file to open
        zh: 要打开的工作区文件
        """#
}
