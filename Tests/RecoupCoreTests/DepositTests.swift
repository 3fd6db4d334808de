import RecoupCore
import Testing

/// The deposit rules and the check before signing, on hand-built inputs.
@Suite struct DepositTests {
    static func m(_ v: Int64) -> Money { Money(minorUnits: v * 100) }
    static let day = Day("2024-06-30")!

    static func mv(_ kind: DepositMovement.Kind, _ amount: Int64, _ contract: String? = nil, on: String = "2024-06-01") -> DepositMovement {
        DepositMovement(customerId: "C1", contractId: contract, kind: kind, amount: m(amount), onDay: Day(on)!)
    }

    @Test func potsAreReceivedLessAppliedLessRefunded() {
        let pots = DepositPots([Self.mv(.receive, 1000, "K1"), Self.mv(.receive, 500), Self.mv(.apply, 300, "K1"),
                                Self.mv(.refund, 200), Self.mv(.receive, 999, on: "2024-07-01")], asOf: Self.day)
        #expect(pots.held("K1") == Self.m(700) && pots.unallocated == Self.m(300) && pots.total == Self.m(1000))
        #expect(pots.held("K2") == .zero)
    }

    @Test(arguments: [
        // own pot, unallocated, amount -> draws (contract amount, unallocated amount), or nil when refused
        (500, 300, 400, [400, 0]), (500, 300, 700, [500, 200]), (500, 300, 800, [500, 300]), (500, 300, 801, nil), (0, 300, 300, [0, 300]),
    ] as [(Int64, Int64, Int64, [Int64]?)])
    func applicationDrawsTheContractFirstThenUnallocated(own: Int64, free: Int64, amount: Int64, expected: [Int64]?) {
        var pots = DepositPots()
        pots.byContract["K1"] = Self.m(own); pots.unallocated = Self.m(free)
        let draws = try? Deposit.draw(Self.m(amount), from: pots, customer: "C1", contract: "K1")
        guard let expected else { #expect(draws == nil); return }
        let got = [draws!.filter { $0.contract == "K1" }.reduce(Money.zero) { $0 + $1.amount },
                   draws!.filter { $0.contract == nil }.reduce(Money.zero) { $0 + $1.amount }]
        #expect(got == expected.map(Self.m))
        #expect(draws!.allSatisfy { $0.amount.isPositive })
    }

    @Test func anotherContractsPotIsNotDrawnOn() {
        var pots = DepositPots()
        pots.byContract["K2"] = Self.m(1000)
        #expect(throws: DepositError.notEnough(customer: "C1", pot: "deposit usable for contract 'K1' (its own and unallocated)", held: .zero, requested: Self.m(1))) {
            try Deposit.draw(Self.m(1), from: pots, customer: "C1", contract: "K1")
        }
    }

    @Test func refundsAndApplicationsAreChecked() {
        var pots = DepositPots()
        pots.unallocated = Self.m(100)
        #expect(throws: DepositError.self) { try Deposit.checkRefund(Self.m(101), from: pots, customer: "C1", contract: nil, reason: "x") }
        #expect(throws: DepositError.reasonMissing) { try Deposit.checkRefund(Self.m(1), from: pots, customer: "C1", contract: nil, reason: "") }
        #expect(throws: DepositError.self) { try Deposit.checkRefund(Self.m(1), from: pots, customer: "C1", contract: "K1", reason: "x") }
        #expect(throws: Never.self) { try Deposit.checkRefund(Self.m(100), from: pots, customer: "C1", contract: nil, reason: "x") }
        #expect(throws: DepositError.invoicePaid("I1")) { try Deposit.checkApplication(Self.m(1), invoice: "I1", open: .zero) }
        #expect(throws: DepositError.moreThanOpen(invoice: "I1", open: Self.m(5), requested: Self.m(6))) {
            try Deposit.checkApplication(Self.m(6), invoice: "I1", open: Self.m(5))
        }
    }

    @Test func policyDepositKeysAndRatios() throws {
        var p = Policy()
        #expect(p.depositRatio(tier: "C", service: "saas") == Rate.percent("30%"))
        #expect(p.depositRatio(tier: "A", service: "hardware") == .zero)
        try p.set("deposit.C.saas", "50%")
        try p.set("deposit.D.other", "0.75")
        #expect(p.depositRatio(tier: "C", service: "saas") == Rate(units: 5, scale: 1))
        #expect(p.depositRatio(tier: "C", service: "consulting") == Rate.percent("30%"))
        #expect(p.depositRatio(tier: "D", service: "training") == Rate(units: 75, scale: 2))
        #expect(throws: PolicyError.self) { try p.set("deposit.C.saas", "120%") }
        #expect(throws: PolicyError.unknownKey("deposit.E.saas")) { try p.set("deposit.E.saas", "10%") }
        #expect(throws: PolicyError.self) { try p.set("limit.over", "maybe") }
        #expect(throws: PolicyError.self) { try p.set("limit.B", "3y") }
        #expect(throws: PolicyError.self) { try p.set("dunning.D", "5:shout") }
        try p.set("limit.B", "250000")
        #expect(p.creditLimit(tier: "B") == .amount(Self.m(250_000)))
        #expect(p.creditLimit(tier: "C") == .multipleOfMonthlyBilling(Rate(units: 2, scale: 0)))
        #expect(p.dunningLadder(tier: "A") == p["dunning.ladder"] && p.dunningLadder(tier: "D").hasPrefix("-7:reminder"))
        #expect(p.termsDays(tier: "D") == 15 && p.blocksOverLimit)
    }

    @Test func aContractsOwnRatioOverridesThePolicy() {
        let own = Deposit.ratio(prepayRatio: "0.2", tier: "D", service: "saas", policy: Policy())
        #expect(own.ratio == Rate(units: 2, scale: 1) && own.basis == .contract)
        let policy = Deposit.ratio(prepayRatio: nil, tier: "D", service: "saas", policy: Policy())
        #expect(policy.ratio == Rate(units: 50, scale: 2) && policy.basis == .policy)
        #expect(Deposit.required(Money(minorUnits: 333), ratio: Rate(units: 5, scale: 1), rounding: .halfUp) == Money(minorUnits: 167))
        #expect(Deposit.required(Money(minorUnits: 333), ratio: Rate(units: 5, scale: 1), rounding: .halfEven) == Money(minorUnits: 166))
    }

    static let customer = Customer(id: "C1", name: "客户")
    static let invoices = [
        Invoice(id: "I1", customerId: "C1", contractId: "K1", issuedOn: Day("2023-07-01")!, dueOn: Day("2023-07-31")!, amount: m(9000)),
        Invoice(id: "I2", customerId: "C1", contractId: "K1", issuedOn: Day("2023-07-02")!, dueOn: Day("2023-08-01")!, amount: m(6000)),
        Invoice(id: "I3", customerId: "C1", contractId: "K2", issuedOn: Day("2024-06-30")!, dueOn: Day("2024-07-30")!, amount: m(6000)),
    ]
    static let contracts = [
        Contract(id: "K1", customerId: "C1", service: "saas", signedOn: Day("2023-01-01")!, value: m(20000)),
        Contract(id: "K2", customerId: "C1", service: "saas", signedOn: Day("2024-01-01")!, value: m(5000)),
        Contract(id: "K3", customerId: "C1", service: "saas", signedOn: Day("2024-01-01")!),
    ]

    /// Billing in the 365 days to 2024-06-30: I2 and I3 (I1 is a day too old) = 12000, 1000 a month.
    /// Unbilled: K1 20000 - 15000 = 5000, K2 5000 - 6000 -> 0, K3 no value. Tier B: limit 3x = 3000.
    @Test func contractCheckByHand() {
        let k = ContractCheck.evaluate(customer: Self.customer, tier: "B", service: "hardware", value: Self.m(10000), open: Self.m(700),
                                       contracts: Self.contracts, invoices: Self.invoices, freeDeposit: Self.m(400), asOf: Self.day, policy: Policy())
        #expect(k.averageMonthlyBilling == Self.m(1000) && k.unbilled == Self.m(5000))
        #expect(k.exposure == Self.m(15700) && k.limit == Self.m(3000) && k.overLimit == Self.m(12700))
        #expect(k.required == Self.m(1000) && k.depositShort == Self.m(600))
        #expect(k.verdict == "over limit (blocked); needs deposit")
        #expect(k.termsDays == 45)
    }

    @Test func verdicts() throws {
        var warn = Policy()
        try warn.set("limit.over", "warn")
        var rich = Self.customer
        rich.creditLimit = Self.m(1_000_000)
        func check(_ c: Customer, _ free: Int64, _ policy: Policy) -> String {
            ContractCheck.evaluate(customer: c, tier: "B", service: "saas", value: Self.m(10000), open: .zero, contracts: [], invoices: Self.invoices,
                                   freeDeposit: Self.m(free), asOf: Self.day, policy: policy).verdict
        }
        #expect(check(rich, 1000, Policy()) == "ok")
        #expect(check(rich, 999, Policy()) == "needs deposit")
        #expect(check(Self.customer, 1000, Policy()) == "over limit (blocked)")
        #expect(check(Self.customer, 1000, warn) == "over limit (warning)")
    }
}
