/// A deterministic synthetic portfolio: the demo workspace and the benchmark portfolio.
///
/// The same `seed`, size and `end` always give the same records. About two years of monthly
/// invoices end at `end`; customers pay promptly (55 %), late (25 %), very late (12 %) or hardly at all
/// (8 %); an invoice is left open 2, 6 or 12 % of the time by the first three, one in ten is paid in
/// two parts, some lump sums carry no invoice reference, about 3 % of invoices are disputed. On average a
/// customer has about ten invoices, so 100,000 customers make about a million invoices.
public struct PortfolioGenerator: Sendable {
    public var customers: Int
    public var seed: UInt64
    public var end: Day

    public init(customers: Int, seed: UInt64 = 20261129, end: Day = Day("2026-11-30")!) {
        self.customers = customers; self.seed = seed; self.end = end
    }

    public struct Portfolio: Sendable {
        public var customers: [Customer] = []
        public var contracts: [Contract] = []
        public var invoices: [Invoice] = []
        public var payments: [Payment] = []
    }

    static let cities = ["上海", "北京", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "广州", "西安",
                         "重庆", "天津", "青岛", "厦门", "宁波", "长沙", "郑州", "合肥", "昆明", "大连"]
    static let words = ["星辰", "华锐", "远航", "恒通", "瑞丰", "博雅", "鼎盛", "启明", "天成", "安泰",
                        "金桥", "新元", "东方", "长城", "海纳", "德信", "汇丰", "锦程", "宏图", "嘉禾",
                        "明德", "晨光", "万象", "云帆", "盛世", "百川", "中科", "联创", "卓越", "九州"]
    static let kinds = ["科技有限公司", "贸易有限公司", "咨询有限公司", "物流有限公司", "餐饮管理有限公司",
                        "文化传媒有限公司", "建筑工程有限公司", "医疗器械有限公司", "信息技术有限公司", "实业有限公司"]
    static let english = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
                          "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Oscorp", "Aperture", "Massive Dynamic"]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗").map(String.init)
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "婷", "军", "杰", "秀英"]
    static let services = ["saas", "consulting", "hardware", "maintenance"]

    public func generate() -> Portfolio {
        var out = Portfolio()
        var rng = SplitMix64(seed: seed)
        let start = end - 730
        var paymentNumber = 0
        func nextPaymentId() -> String { paymentNumber += 1; return "P" + pad(paymentNumber, 8) }
        for c in 0..<customers {
            let id = "C" + pad(c + 1, 6)
            let name: String
            let segment: String
            switch rng.below(10) {
            case 0..<7:
                name = rng.pick(Self.cities) + rng.pick(Self.words) + rng.pick(Self.kinds)
                segment = rng.below(3) == 0 ? "enterprise" : "sme"
            case 7, 8:
                name = rng.pick(Self.english) + " " + rng.pick(["Trading", "Labs", "Holdings", "Foods", "Logistics"]) + " Ltd"
                segment = "enterprise"
            default:
                name = rng.pick(Self.surnames) + rng.pick(Self.givenNames)
                segment = "individual"
            }
            let behaviour = rng.below(100)  // 0..<55 prompt, ..<80 late, ..<92 very late, else defaulter
            out.customers.append(Customer(
                id: id, name: name, phone: "1" + String(3_000_000_000 + rng.below(6_000_000_000)),
                email: segment == "individual" ? nil : "ar\(c + 1)@example.cn", segment: segment,
                creditLimit: Money(minorUnits: Int64([50_000, 100_000, 200_000, 500_000][rng.below(4)]) * 100),
                bureauScore: rng.below(10) < 6 ? 300 + rng.below(601) : nil,
                bureauDate: nil, agent: "A" + pad(1 + rng.below(12), 2), openedOn: start))
            for k in 0..<[1, 1, 1, 1, 2, 2][rng.below(6)] {
                let kid = "K" + pad(c + 1, 6) + "-" + String(k + 1)
                let signed = start + rng.below(400)
                let terms = [15, 30, 30, 45, 60][rng.below(5)]
                let fee = Int64(500 + rng.below(199_500))
                let months = 3 + rng.below(10)
                // The contract's value is its monthly fee over its term: deposits and exposure have a base.
                out.contracts.append(Contract(
                    id: kid, customerId: id, service: rng.pick(Self.services), signedOn: signed, startOn: signed,
                    value: Money(minorUnits: fee * Int64(months)),
                    paymentTermsDays: terms, lateFeeDailyRate: "0.0005", lateFeeGraceDays: [0, 3, 5][rng.below(3)],
                    lateFeeCap: "0.3", suspendAfterDays: [30, 60, 90][rng.below(3)]))
                for m in 0..<months {
                    let issued = signed + 30 * m
                    if issued > end { break }
                    let due = issued + terms
                    let iid = "INV-" + kid + "-" + pad(m + 1, 2)
                    let amount = Money(minorUnits: fee + Int64(rng.below(Int(fee / 5) + 1)))
                    out.invoices.append(Invoice(id: iid, customerId: id, contractId: kid, issuedOn: issued, dueOn: due,
                                                amount: amount, disputed: rng.below(100) < 3))
                    let delay: Int
                    switch behaviour {
                    case 0..<55: delay = rng.below(14) - 10
                    case 55..<80: delay = 5 + rng.below(36)
                    case 80..<92: delay = 30 + rng.below(91)
                    default: delay = 60 + rng.below(341)
                    }
                    let roll = rng.below(100)
                    if behaviour >= 92 && roll < 60 { continue }  // never paid
                    let paid = max(issued, due + delay)
                    // Left open (paid later in a lump, or not at all): rarely by prompt payers, more
                    // often the later they pay.
                    let leftOpen = behaviour < 55 ? 2 : behaviour < 80 ? 6 : 12
                    if paid > end || roll >= 100 - leftOpen { continue }  // not yet paid, or left open
                    // One in ten is paid in part first, the rest 10 to 45 days later (defaulters never pay the rest).
                    let inPart = roll < 10
                    let part = inPart ? Money(minorUnits: 1 + Int64(rng.below(Int(amount.minorUnits - 1)))) : amount
                    func pay(_ on: Day, _ m: Money) {
                        let pid = nextPaymentId()
                        out.payments.append(Payment(id: pid, customerId: id, receivedOn: on, amount: m, invoiceId: iid,
                                                    method: ["bank", "alipay", "wechat"][rng.below(3)], reference: "REF" + pid.dropFirst()))
                    }
                    pay(paid, part)
                    let rest = paid + 10 + rng.below(36)
                    if inPart && behaviour < 92 && rest <= end { pay(rest, amount - part) }
                }
            }
            // One customer in four also paid a lump sum without naming an invoice.
            if rng.below(4) == 0 {
                let mine = out.invoices.reversed().prefix { $0.customerId == id }
                if let last = mine.map(\.issuedOn).max() {
                    let when = min(end, last + rng.below(61))
                    let owed = mine.filter { $0.issuedOn <= when }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                    if owed > 100 {
                        let pid = nextPaymentId()
                        out.payments.append(Payment(id: pid, customerId: id, receivedOn: when,
                                                    amount: Money(minorUnits: 1 + Int64(rng.below(Int(owed / 4)))),
                                                    method: "bank", reference: "LUMP" + pid.dropFirst()))
                    }
                }
            }
        }
        return out
    }

    private func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
}

/// SplitMix64: a small, fast, well-distributed generator with a fixed sequence per seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A value in `0..<n` (n > 0), the same on every platform.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
