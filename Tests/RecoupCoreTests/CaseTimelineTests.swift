import Testing
@testable import RecoupCore

/// Court fees, the limitation watch, promises to pay and complaint due dates: the test vectors of
/// shared/notes/collections-workflow.md (F-a..F-e, L1-L13, P1-P4, complaint SLA) and the figures of the
/// acceptance checks (shared/acceptance/run: check_limitation, check_promises, check_disputes).
@Suite struct CaseTimelineTests {
    func d(_ s: String) -> Day { Day(s)! }
    func y(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100) }
    func fen(_ v: Int64) -> Money { Money(minorUnits: v) }
    func pct(_ s: String) -> Rate { Rate.percent(s)! }

    // MARK: Court fees (诉讼费用交纳办法 arts 13-16)

    @Test func courtFeesOfASmallClaim() {
        // collections-workflow.md, F-a: claim 8,000 -> case fee 50; preservation 30 + 7,000 x 1 % = 100.
        let f = CourtFees(claim: y(8_000))
        #expect(f.claim == y(8_000))
        #expect(f.caseFee == y(50))
        #expect(f.preservation == y(100))
        #expect(f.enforcement == y(50))  // art. 14(1): up to 10,000 a flat 50
        #expect(f.summary == y(25))
        #expect(f.paymentOrder == fen(1_667))  // 50 / 3 = 16.666... -> 16.67
    }

    @Test func courtFeesOfFiftyThousand() {
        // collections-workflow.md, F-b (and acceptance check_disputes): 50,000 -> 50 + 40,000 x 2.5 % = 1,050;
        // summary/mediation 525; payment order 350; preservation 30 + 490 = 520; enforcement 50 + 600 = 650.
        let f = CourtFees(claim: y(50_000))
        #expect(f.caseFee == y(1_050))
        #expect(f.summary == y(525))
        #expect(f.paymentOrder == y(350))
        #expect(f.preservation == y(520))
        #expect(f.enforcement == y(650))
    }

    @Test func courtFeesOfThreeHundredThousand() {
        // collections-workflow.md, F-c: 300,000 -> 50 + 2,250 + 2,000 + 1,500 = 5,800; half 2,900; payment order
        // 5,800 / 3 = 1,933.33; preservation 30 + 990 + 1,000 = 2,020; enforcement 50 + 4,350 = 4,400.
        let f = CourtFees(claim: y(300_000))
        #expect(f.caseFee == y(5_800))
        #expect(f.summary == y(2_900))
        #expect(f.paymentOrder == fen(193_333))
        #expect(f.preservation == y(2_020))
        #expect(f.enforcement == y(4_400))
    }

    @Test func courtFeesOfAClaimWithFen() {
        // collections-workflow.md, F-d: 1,234,567.89 -> 50 + 2,250 + 2,000 + 4,500 + 5,000 + 2,111.11 = 15,911.11;
        // preservation 6,692.84 capped at 5,000; enforcement 50 + 7,350 + 7,345.68 = 14,745.68.
        let f = CourtFees(claim: fen(123_456_789))
        #expect(f.caseFee == fen(1_591_111))
        #expect(f.preservation == y(5_000))
        #expect(f.enforcement == fen(1_474_568))
        // Half and a third of the rounded case fee, rounded again [calc]: 7,955.555 -> 7,955.56; 5,303.703 -> 5,303.70.
        #expect(f.summary == fen(795_556))
        #expect(f.paymentOrder == fen(530_370))
    }

    @Test func courtFeesOfTheTopBands() {
        // collections-workflow.md, F-e: 25,000,000 -> case fee 166,800; enforcement 92,400; preservation capped.
        let f = CourtFees(claim: y(25_000_000))
        #expect(f.caseFee == y(166_800))
        #expect(f.enforcement == y(92_400))
        #expect(f.preservation == y(5_000))
        #expect(f.summary == y(83_400))
        #expect(f.paymentOrder == y(55_600))
    }

    @Test func courtFeeBandEdgesAndNoClaim() {
        // Art. 13(1) band edges [calc from collections-workflow.md §4]: 10,000 pays the flat 50; 10,000.01 pays
        // 50.00025 -> 50.00; 100,000 -> 2,300; 10,000,000 -> 81,800; 20,000,000 -> 141,800.
        #expect(CourtFees(claim: y(10_000)).caseFee == y(50))
        #expect(CourtFees(claim: fen(1_000_001)).caseFee == y(50))
        #expect(CourtFees(claim: y(100_000)).caseFee == y(2_300))
        #expect(CourtFees(claim: y(10_000_000)).caseFee == y(81_800))
        #expect(CourtFees(claim: y(20_000_000)).caseFee == y(141_800))
        // Preservation, art. 14(2): up to 1,000 a flat 30; 100,000 -> 30 + 990 = 1,020.
        #expect(CourtFees(claim: y(1_000)).preservation == y(30))
        #expect(CourtFees(claim: y(100_000)).preservation == y(1_020))
        // Any positive claim pays the flat minimums; no claim pays nothing.
        let cent = CourtFees(claim: fen(1))
        #expect(cent.caseFee == y(50) && cent.preservation == y(30) && cent.enforcement == y(50))
        for claim in [Money.zero, fen(-500)] {
            let none = CourtFees(claim: claim)
            #expect(none.caseFee == .zero && none.summary == .zero && none.paymentOrder == .zero)
            #expect(none.preservation == .zero && none.enforcement == .zero)
        }
    }

    @Test func courtFeesFollowThePolicysRounding() {
        // collections-workflow.md, F-d case fee 15,911.11101: half-up 15,911.11, up 15,911.12; the third of the
        // rounded fee rounds up again: 15,911.12 / 3 = 5,303.7066... -> 5,303.71.
        let up = CourtFees(claim: fen(123_456_789), rounding: .up)
        #expect(up.caseFee == fen(1_591_112))
        #expect(up.paymentOrder == fen(530_371))
        #expect(CourtFees(claim: fen(123_456_789), rounding: .halfEven).caseFee == fen(1_591_111))
    }

    // MARK: Day arithmetic for the limitation period (CC 201-203)

    @Test func weekdaysFromTheOrdinal() {
        // collections-workflow.md, L3/L4/L1: 2027-02-28 is a Sunday, 2028-06-10 a Saturday, 2027-03-15 a Monday.
        #expect(d("2027-02-28").weekday == 7)
        #expect(d("2028-06-10").weekday == 6)
        #expect(d("2027-03-15").weekday == 1)
        #expect(d("2028-09-01").weekday == 5)  // L6: Friday
        #expect(d("2029-05-01").weekday == 2)  // L7: Tuesday
        #expect(d("1970-01-01").weekday == 4)  // ordinal 0, a Thursday
        #expect(d("1969-12-28").weekday == 7)  // negative ordinals too
        #expect(d("1969-12-29").weekday == 1)
    }

    @Test func addingYearsKeepsTheDayOrTheMonthsLast() {
        // collections-workflow.md, Limitation: addYears keeps month and day, Feb 29 -> Feb 28 (CC 202).
        #expect(d("2024-03-15").addingYears(3) == d("2027-03-15"))
        #expect(d("2024-02-29").addingYears(3) == d("2027-02-28"))
        #expect(d("2024-02-29").addingYears(1) == d("2025-02-28"))
        #expect(d("2024-02-29").addingYears(4) == d("2028-02-29"))
        #expect(d("2025-04-30").addingYears(2) == d("2027-04-30"))  // L12: enforcement by 2027-04-30 (CPL 250)
    }

    @Test func calendarMovesDeadlinesOffDaysOff() {
        let plain = LimitationCalendar()
        let weekends = LimitationCalendar(weekends: true)
        // collections-workflow.md, L3: Sunday 2027-02-28 stays without the weekend switch, else Monday 03-01.
        #expect(plain.adjust(d("2027-02-28")) == d("2027-02-28"))
        #expect(weekends.adjust(d("2027-02-28")) == d("2027-03-01"))
        // L4: Saturday 2028-06-10 -> Monday 2028-06-12; a working day does not move.
        #expect(weekends.adjust(d("2028-06-10")) == d("2028-06-12"))
        #expect(weekends.adjust(d("2027-03-15")) == d("2027-03-15"))
        // CC 203, holidays as data: a listed holiday moves to the next day that is not one.
        let holidays = LimitationCalendar(holidays: [d("2027-03-15"), d("2027-03-16")])
        #expect(holidays.adjust(d("2027-03-15")) == d("2027-03-17"))
        // A Saturday holiday without the weekend switch moves to the Sunday.
        #expect(LimitationCalendar(holidays: [d("2028-06-10")]).adjust(d("2028-06-10")) == d("2028-06-11"))
        // Both: a Monday holiday after a weekend -> Tuesday; a Friday holiday -> the next Monday.
        let both = LimitationCalendar(weekends: true, holidays: [d("2028-06-12"), d("2028-09-01")])
        #expect(both.adjust(d("2028-06-10")) == d("2028-06-13"))
        #expect(both.adjust(d("2028-09-01")) == d("2028-09-04"))
    }

    // MARK: The limitation period (CC 188-195, SPC 8-19)

    func standing(
        _ start: String, _ events: [LimitationEvent] = [], asOf: String = "2026-11-30",
        calendar: LimitationCalendar = LimitationCalendar()
    ) -> LimitationStanding {
        Limitation.standing(start: d(start), events: events, asOf: d(asOf), calendar: calendar)
    }

    @Test func threeYearsFromTheDueDate() {
        // collections-workflow.md, L1 (acceptance SX01): due 2024-03-15, no events -> 2027-03-15, running on
        // 2026-11-30 with 105 days left; L5 (SX03): a bounced demand is left out by the caller -> the same.
        let s = standing("2024-03-15")
        #expect(Limitation.years == 3)
        #expect(s.start == d("2024-03-15"))
        #expect(s.deadline == d("2027-03-15"))
        #expect(s.status == .running)
        #expect(s.lastInterruption == nil && s.acknowledgedAfterExpiry == nil)
        #expect(s.daysLeft(asOf: d("2026-11-30")) == 105)
        #expect(s.daysLeft(asOf: d("2027-03-15")) == 0)
        #expect(standing("2024-03-15", calendar: LimitationCalendar(weekends: true)).deadline == d("2027-03-15"))
    }

    @Test func leapDayStartAndTheWeekendSwitch() {
        // collections-workflow.md, L3 (acceptance SX06): last installment 2024-02-29 -> 2027-02-28 (Sun);
        // weekends on -> 2027-03-01.
        #expect(standing("2024-02-29").deadline == d("2027-02-28"))
        #expect(standing("2024-02-29", calendar: LimitationCalendar(weekends: true)).deadline == d("2027-03-01"))
    }

    @Test func deliveredDemandRestartsThePeriod() {
        // collections-workflow.md, L4 (acceptance SX02): demand signed for by the mail room 2025-06-10 ->
        // 2028-06-10 (Sat); weekends on -> Mon 2028-06-12.
        let demand = LimitationEvent(day: d("2025-06-10"), kind: .demand, note: "demand letter delivered")
        let off = standing("2024-03-15", [demand])
        #expect(off.deadline == d("2028-06-10"))
        #expect(off.lastInterruption == demand)
        #expect(off.status == .running)
        let on = standing("2024-03-15", [demand], calendar: LimitationCalendar(weekends: true))
        #expect(on.deadline == d("2028-06-12"))
        #expect(on.daysLeft(asOf: d("2026-11-30")) == 560)
    }

    @Test func partPaymentAndPromiseRestartThePeriod() {
        // collections-workflow.md, L6 (SX04): part payment 2025-09-01 -> 2028-09-01 (Fri);
        // L7 (SX05): promise logged 2026-05-01 -> 2029-05-01 (Tue).
        let paid = LimitationEvent(day: d("2025-09-01"), kind: .partPayment, note: "part payment")
        #expect(standing("2024-03-15", [paid]).deadline == d("2028-09-01"))
        let weekends = LimitationCalendar(weekends: true)
        #expect(standing("2024-03-15", [paid], calendar: weekends).deadline == d("2028-09-01"))
        let promise = LimitationEvent(day: d("2026-05-01"), kind: .promise, note: "promise R00000001")
        let s = standing("2024-03-15", [promise])
        #expect(s.deadline == d("2029-05-01"))
        #expect(s.lastInterruption == promise)
        // Given out of order, events are taken by date: the promise is the last interruption.
        let both = standing("2024-03-15", [promise, paid])
        #expect(both.deadline == d("2029-05-01"))
        #expect(both.lastInterruption == promise)
    }

    @Test func eachInterruptionRunsAFullNewPeriod() {
        // CC 195 [calc, collections-workflow.md L4]: demand 2025-06-10 -> 2028-06-10; an acknowledgement on
        // 2028-06-01 is after the first deadline (2027-03-15) but inside the new one -> 2031-06-01.
        let demand = LimitationEvent(day: d("2025-06-10"), kind: .demand)
        let ack = LimitationEvent(day: d("2028-06-01"), kind: .acknowledgement)
        let s = standing("2024-03-15", [demand, ack], asOf: "2028-07-01")
        #expect(s.deadline == d("2031-06-01"))
        #expect(s.lastInterruption == ack)
        #expect(s.status == .running)
    }

    @Test func interruptionOnTheDeadlineDayStillCounts() {
        // CC 195, 203 [calc on collections-workflow.md L1]: a demand delivered on 2027-03-15, the last day, restarts
        // the period (2030-03-15); one delivered on 2027-03-16 finds it run out.
        let lastDay = LimitationEvent(day: d("2027-03-15"), kind: .demand)
        let onTheDay = standing("2024-03-15", [lastDay], asOf: "2027-06-01")
        #expect(onTheDay.deadline == d("2030-03-15"))
        #expect(onTheDay.status == .running)
        let late = standing("2024-03-15", [LimitationEvent(day: d("2027-03-16"), kind: .demand)], asOf: "2027-06-01")
        #expect(late.deadline == d("2027-03-15"))
        #expect(late.status == .expired)
        #expect(late.lastInterruption == nil)
        // L3 with weekends on: the deadline moved to Monday 2027-03-01, and a demand that day still counts.
        let moved = standing(
            "2024-02-29", [LimitationEvent(day: d("2027-03-01"), kind: .demand)], asOf: "2027-06-01",
            calendar: LimitationCalendar(weekends: true))
        #expect(moved.deadline == d("2030-03-01"))
        #expect(moved.status == .running)
    }

    @Test func expiredClaimIsStillReported() {
        // Acceptance check_limitation, SX07: due 2023-05-19 -> 2026-05-19 (Tue); as of 2026-11-30 expired,
        // 195 days past.
        let s = standing("2023-05-19")
        #expect(s.deadline == d("2026-05-19"))
        #expect(s.status == .expired)
        #expect(s.daysLeft(asOf: d("2026-11-30")) == -195)
        // The day itself is still inside the period (it ends at 24:00, CC 203).
        #expect(standing("2023-05-19", asOf: "2026-05-19").status == .running)
        #expect(standing("2023-05-19", asOf: "2026-05-20").status == .expired)
    }

    @Test func acknowledgementAfterExpiry() {
        // collections-workflow.md, L10: L1 expired 2027-03-15; the debtor signs a collection notice on
        // 2027-05-01 -> expired_acknowledged, the deadline stays (CC 192, SPC 19).
        let notice = LimitationEvent(day: d("2027-05-01"), kind: .acknowledgement, note: "催收通知单 signed")
        let s = standing("2024-03-15", [notice], asOf: "2027-06-01")
        #expect(s.status == .expiredAcknowledged)
        #expect(s.status.rawValue == "expired_acknowledged")
        #expect(s.deadline == d("2027-03-15"))
        #expect(s.acknowledgedAfterExpiry == notice)
        #expect(s.lastInterruption == nil)
        // Acceptance SX08: due 2022-11-25 -> 2025-11-25 expired; acknowledged in writing 2026-03-16.
        let sx08 = standing("2022-11-25", [LimitationEvent(day: d("2026-03-16"), kind: .acknowledgement)])
        #expect(sx08.deadline == d("2025-11-25"))
        #expect(sx08.status == .expiredAcknowledged)
        // A part payment or a promise after expiry acknowledges too; the first one is kept, nothing restarts.
        let pay = LimitationEvent(day: d("2026-01-10"), kind: .partPayment)
        let promise = LimitationEvent(day: d("2026-02-10"), kind: .promise)
        let twice = standing("2022-11-25", [promise, pay])
        #expect(twice.acknowledgedAfterExpiry == pay)
        #expect(twice.deadline == d("2025-11-25"))
    }

    @Test func demandOrSuitAfterExpiryChangesNothing() {
        // CC 192, 195 (collections-workflow.md §4): after expiry a demand or a legal step is no interruption.
        let events = [
            LimitationEvent(day: d("2026-03-16"), kind: .demand), LimitationEvent(day: d("2026-04-01"), kind: .suit),
        ]
        let s = standing("2022-11-25", events)
        #expect(s.status == .expired)
        #expect(s.deadline == d("2025-11-25"))
        #expect(s.lastInterruption == nil && s.acknowledgedAfterExpiry == nil)
    }

    @Test func eventsAfterTheDayAskedForAndBeforeTheStartDoNotCount() {
        // collections-workflow.md, L4 as of 2025-06-09: the demand of 2025-06-10 has not happened yet.
        let demand = LimitationEvent(day: d("2025-06-10"), kind: .demand)
        let early = standing("2024-03-15", [demand], asOf: "2025-06-09")
        #expect(early.deadline == d("2027-03-15"))
        #expect(early.lastInterruption == nil)
        #expect(standing("2024-03-15", [demand], asOf: "2025-06-10").deadline == d("2028-06-10"))
        // A part payment before the due date: the period had not begun, it is not shortened (CC 188).
        let prepaid = standing("2024-03-15", [LimitationEvent(day: d("2024-03-01"), kind: .partPayment)])
        #expect(prepaid.deadline == d("2027-03-15"))
        #expect(prepaid.lastInterruption == nil)
    }

    @Test func holidayListMovesARestartedDeadline() {
        // CC 203 on collections-workflow.md L6: 2028-09-01 (Fri) listed as a holiday -> 2028-09-04 with
        // weekends on, 2028-09-02 with them off.
        let paid = [LimitationEvent(day: d("2025-09-01"), kind: .partPayment)]
        let holiday: Set<Day> = [d("2028-09-01")]
        let listed = LimitationCalendar(holidays: holiday)
        #expect(standing("2024-03-15", paid, calendar: listed).deadline == d("2028-09-02"))
        let both = LimitationCalendar(weekends: true, holidays: holiday)
        #expect(standing("2024-03-15", paid, calendar: both).deadline == d("2028-09-04"))
    }

    @Test func whichEventsAcknowledgeTheDebt() {
        // SPC 14, collections-workflow.md §1: promises, part payments, plans and acknowledgements agree to
        // perform; demands and legal steps do not.
        let acknowledging = LimitationEvent.Kind.allCases.filter {
            LimitationEvent(day: d("2025-01-01"), kind: $0).acknowledges
        }
        let expected: Set<LimitationEvent.Kind> = [.acknowledgement, .promise, .partPayment, .plan]
        #expect(Set(acknowledging) == expected)
        #expect(LimitationEvent.Kind.allCases.count == 10)
        #expect(LimitationEvent.Kind.partPayment.rawValue == "part_payment")
        #expect(LimitationEvent.Kind.paymentOrder.rawValue == "payment_order")
    }

    // MARK: Promises to pay (Oracle Banking Collections: grace days, threshold, FIFO)

    func promise(
        _ id: String, _ customer: String, _ yuan: Int64, by: String, on: String, grace: Int? = nil,
        threshold: Rate? = nil, cancelledOn: String? = nil
    ) -> Promise {
        Promise(
            id: id, customerId: customer, amount: y(yuan), madeOn: d(on), promisedOn: d(by), graceDays: grace,
            threshold: threshold, cancelledOn: cancelledOn.map { d($0) }, cancelReason: cancelledOn.map { _ in "test" })
    }

    /// "status paid" of each standing, ordered by promised date, as the acceptance check reads them.
    func summary(_ s: [PromiseStanding]) -> [String] {
        s.sorted { ($0.promise.promisedOn, $0.promise.id) < ($1.promise.promisedOn, $1.promise.id) }
            .map { "\($0.status.rawValue) \($0.paid)" }
    }

    @Test func keptWithinTheGraceAtTheThreshold() {
        // collections-workflow.md, P1 (acceptance check_promises PA1): 10,000 by 2025-03-10, grace 3, threshold
        // 90 % (9,000); 9,000 paid 03-12 -> pending 0.00 on 03-11, kept 9000.00 on 03-12.
        let rule = PromiseRule(graceDays: 3, threshold: pct("90%"))
        let pa1 = promise("R1", "PA1", 10_000, by: "2025-03-10", on: "2025-03-03")
        let pay = [(day: d("2025-03-12"), amount: y(9_000))]
        let before = rule.standings([pa1], payments: pay, asOf: d("2025-03-11"))
        #expect(summary(before) == ["pending 0.00"])
        #expect(before.first?.lastDay == d("2025-03-13"))
        #expect(before.first?.needed == y(9_000))
        #expect(before.first?.decidedOn == nil)
        let on = rule.standings([pa1], payments: pay, asOf: d("2025-03-12"))
        #expect(summary(on) == ["kept 9000.00"])
        #expect(on.first?.decidedOn == d("2025-03-12"))
        // Kept: money that comes later is not taken (a decided promise does not change).
        let more = pay + [(day: d("2025-03-13"), amount: y(1_000))]
        #expect(summary(rule.standings([pa1], payments: more, asOf: d("2025-03-20"))) == ["kept 9000.00"])
    }

    @Test func brokenTheDayAfterTheGrace() {
        // collections-workflow.md, P1 (acceptance PA2): 8,999.99 paid 03-11 -> pending on 03-11 and 03-13,
        // broken on 03-14 with 8999.99 paid; a cent on 03-14 is too late.
        let rule = PromiseRule(graceDays: 3, threshold: pct("90%"))
        let pa2 = promise("R2", "PA2", 10_000, by: "2025-03-10", on: "2025-03-03")
        let pay = [(day: d("2025-03-11"), amount: fen(899_999)), (day: d("2025-03-14"), amount: fen(1))]
        #expect(summary(rule.standings([pa2], payments: pay, asOf: d("2025-03-11"))) == ["pending 8999.99"])
        #expect(summary(rule.standings([pa2], payments: pay, asOf: d("2025-03-13"))) == ["pending 8999.99"])
        let broken = rule.standings([pa2], payments: pay, asOf: d("2025-03-14"))
        #expect(summary(broken) == ["broken 8999.99"])
        #expect(broken.first?.decidedOn == d("2025-03-14"))
    }

    @Test func graceOneDayOffByOne() {
        // collections-workflow.md, P2 (acceptance PB1): grace 1, 4,000 by 2025-06-24, nothing paid -> pending on
        // 06-25 (inside the grace), broken on 06-26.
        let rule = PromiseRule(graceDays: 1, threshold: pct("100%"))
        let pb1 = promise("R1", "PB1", 4_000, by: "2025-06-24", on: "2025-06-16")
        let pending = rule.standings([pb1], payments: [], asOf: d("2025-06-25"))
        #expect(summary(pending) == ["pending 0.00"])
        #expect(pending.first?.lastDay == d("2025-06-25"))
        let broken = rule.standings([pb1], payments: [], asOf: d("2025-06-26"))
        #expect(summary(broken) == ["broken 0.00"])
        #expect(broken.first?.decidedOn == d("2025-06-26"))
        // P2, the Upflow rule (grace 0): broken from 06-25.
        #expect(summary(PromiseRule().standings([pb1], payments: [], asOf: d("2025-06-25"))) == ["broken 0.00"])
        #expect(summary(PromiseRule().standings([pb1], payments: [], asOf: d("2025-06-24"))) == ["pending 0.00"])
    }

    @Test func paymentBeforeThePromiseDoesNotCount() {
        // Acceptance check_promises PB2 (grace 1, 100 %): 2,500 paid 2025-08-04, promise of 2,500 by 08-15 made
        // 08-05 -> pending 0.00 on 08-16, broken 0.00 on 08-17.
        let rule = PromiseRule(graceDays: 1, threshold: pct("100%"))
        let pb2 = promise("R2", "PB2", 2_500, by: "2025-08-15", on: "2025-08-05")
        let pay = [(day: d("2025-08-04"), amount: y(2_500))]
        #expect(summary(rule.standings([pb2], payments: pay, asOf: d("2025-08-16"))) == ["pending 0.00"])
        #expect(summary(rule.standings([pb2], payments: pay, asOf: d("2025-08-17"))) == ["broken 0.00"])
        // Paid on the day it was made, it counts.
        let same = [(day: d("2025-08-05"), amount: y(2_500))]
        #expect(summary(rule.standings([pb2], payments: same, asOf: d("2025-08-05"))) == ["kept 2500.00"])
    }

    @Test func fifoAcrossTwoPromises() {
        // collections-workflow.md, P3 (acceptance PC1): threshold 80 %, grace 0; 5,000 by 03-10 and 5,000 by
        // 03-20; 6,000 paid 03-09 -> 5,000 kept + 1,000 pending as of 03-10; 3,000 paid 03-19 -> 4,000 >= 4,000
        // kept; the 3,000 reversed on 03-25 leaves it unchanged (decided, not active).
        let rule = PromiseRule(graceDays: 0, threshold: pct("80%"))
        let a = promise("R1", "PC1", 5_000, by: "2025-03-10", on: "2025-03-03")
        let b = promise("R2", "PC1", 5_000, by: "2025-03-20", on: "2025-03-03")
        let pay = [(day: d("2025-03-09"), amount: y(6_000)), (day: d("2025-03-19"), amount: y(3_000))]
        let mid = rule.standings([b, a], payments: pay, asOf: d("2025-03-10"))
        #expect(summary(mid) == ["kept 5000.00", "pending 1000.00"])
        #expect(mid.map(\.promise.id) == ["R2", "R1"])  // in the order given
        #expect(mid.first { $0.promise.id == "R1" }?.decidedOn == d("2025-03-09"))
        #expect(mid.first { $0.promise.id == "R2" }?.needed == y(4_000))
        let end = rule.standings([a, b], payments: pay, asOf: d("2025-03-19"))
        #expect(summary(end) == ["kept 5000.00", "kept 4000.00"])
        #expect(end.last?.decidedOn == d("2025-03-19"))
        let reversed = pay + [(day: d("2025-03-25"), amount: -y(3_000))]
        let after = rule.standings([a, b], payments: reversed, asOf: d("2025-03-31"))
        #expect(summary(after) == ["kept 5000.00", "kept 4000.00"])
    }

    @Test func leftoverIsNotAppropriatedAndTiesGoByMadeThenId() {
        // FIFO (collections-workflow.md §2, P3 rule): a promise takes at most its amount; what is left over is
        // not appropriated. Same promised day: the one made first, then the lower id.
        let rule = PromiseRule()
        let one = promise("R1", "C", 1_000, by: "2025-03-10", on: "2025-03-01")
        let five = [(day: d("2025-03-05"), amount: y(5_000))]
        let overpaid = rule.standings([one], payments: five, asOf: d("2025-03-05"))
        #expect(summary(overpaid) == ["kept 1000.00"])
        let later = promise("R1", "C", 1_000, by: "2025-03-10", on: "2025-03-02")
        let earlier = promise("R9", "C", 1_000, by: "2025-03-10", on: "2025-03-01")
        let pay = [(day: d("2025-03-05"), amount: y(1_500))]
        let byMade = rule.standings([later, earlier], payments: pay, asOf: d("2025-03-05"))
        let made = byMade.map { "\($0.promise.id) \($0.status.rawValue) \($0.paid)" }
        #expect(made == ["R1 pending 500.00", "R9 kept 1000.00"])
        let x = promise("R2", "C", 1_000, by: "2025-03-10", on: "2025-03-01")
        let w = promise("R1", "C", 1_000, by: "2025-03-10", on: "2025-03-01")
        let byId = rule.standings([x, w], payments: pay, asOf: d("2025-03-05"))
        #expect(byId.map { "\($0.promise.id) \($0.paid)" } == ["R2 500.00", "R1 1000.00"])
    }

    @Test func thresholdRoundsUpToTheFen() {
        // collections-workflow.md §2 model: kept once appropriated >= ceil(amount x threshold): 90 % of 100.06
        // is 90.054, so 90.06 is needed (half-up would say 90.05).
        let rule = PromiseRule(graceDays: 0, threshold: pct("90%"))
        let p = Promise(
            id: "R1", customerId: "C", amount: fen(10_006), madeOn: d("2025-03-01"), promisedOn: d("2025-03-10"))
        let short = rule.standings([p], payments: [(day: d("2025-03-05"), amount: fen(9_005))], asOf: d("2025-03-10"))
        #expect(short.first?.needed == fen(9_006))
        #expect(short.first?.status == .pending)
        let enough = rule.standings([p], payments: [(day: d("2025-03-05"), amount: fen(9_006))], asOf: d("2025-03-10"))
        #expect(enough.first?.status == .kept)
    }

    @Test func promisesOwnGraceAndThresholdOverrideTheRule() {
        // collections-workflow.md §2 (promise type Grace Days and Threshold % per promise): grace 3 and 50 % on
        // the promise beat the rule's 0 and 100 %.
        let p = promise("R1", "C", 1_000, by: "2025-03-10", on: "2025-03-01", grace: 3, threshold: pct("50%"))
        let s = PromiseRule().standings([p], payments: [(day: d("2025-03-13"), amount: y(500))], asOf: d("2025-03-13"))
        #expect(s.first?.lastDay == d("2025-03-13"))
        #expect(s.first?.needed == y(500))
        #expect(summary(s) == ["kept 500.00"])
    }

    @Test func cancelledPromise() {
        // collections-workflow.md §2 (status cancelled): 5,000 by 03-20, 2,000 paid 03-05, cancelled 03-12; the
        // 3,000 of 03-12 and the 5,000 of 03-15 do not count.
        let rule = PromiseRule()
        let p = promise("R1", "C", 5_000, by: "2025-03-20", on: "2025-03-03", cancelledOn: "2025-03-12")
        let pay = [
            (day: d("2025-03-05"), amount: y(2_000)), (day: d("2025-03-12"), amount: y(3_000)),
            (day: d("2025-03-15"), amount: y(5_000)),
        ]
        let before = rule.standings([p], payments: pay, asOf: d("2025-03-11"))
        #expect(summary(before) == ["pending 2000.00"])  // not cancelled yet
        let after = rule.standings([p], payments: pay, asOf: d("2025-03-25"))
        #expect(summary(after) == ["cancelled 2000.00"])
        #expect(after.first?.decidedOn == d("2025-03-12"))
        // Decided before the cancellation: kept stays kept, broken stays broken.
        let kept = promise("R2", "C", 2_000, by: "2025-03-20", on: "2025-03-03", cancelledOn: "2025-03-12")
        #expect(summary(rule.standings([kept], payments: pay, asOf: d("2025-03-25"))) == ["kept 2000.00"])
        let lapsed = promise("R3", "C", 9_000, by: "2025-03-04", on: "2025-03-01", cancelledOn: "2025-03-12")
        let broken = rule.standings([lapsed], payments: pay, asOf: d("2025-03-25"))
        #expect(summary(broken) == ["broken 0.00"])
        #expect(broken.first?.decidedOn == d("2025-03-05"))
    }

    @Test func promiseMadeAfterTheDayIsLeftOut() {
        // Acceptance PB2 as of 2025-08-04: the promise made 08-05 does not exist yet.
        let pb2 = promise("R2", "PB2", 2_500, by: "2025-08-15", on: "2025-08-05")
        #expect(PromiseRule().standings([pb2], payments: [], asOf: d("2025-08-04")).isEmpty)
        #expect(PromiseRule().standings([pb2], payments: [], asOf: d("2025-08-05")).count == 1)
    }

    @Test func keptRateOverAPeriod() {
        // collections-workflow.md, P4: 7 kept, 3 broken, 2 pending (and 1 cancelled) -> 7 / (7 + 3) = 70 %.
        // Twelve promises of 1,000 due a day apart from 04-01; the first seven paid on their day.
        let base = d("2025-04-01")
        var promises = (0..<12).map {
            Promise(id: "R\($0)", customerId: "C", amount: y(1_000), madeOn: base - 5, promisedOn: base + $0)
        }
        promises.append(
            Promise(
                id: "RX", customerId: "C", amount: y(1_000), madeOn: base - 5, promisedOn: base + 3,
                cancelledOn: base + 1, cancelReason: "replaced by a plan"))
        let payments = (0..<7).map { (day: base + $0, amount: y(1_000)) }
        let s = PromiseRule().standings(promises, payments: payments, asOf: base + 10)
        #expect(s.filter { $0.status == .kept }.count == 7)
        #expect(s.filter { $0.status == .broken }.count == 3)
        #expect(s.filter { $0.status == .pending }.count == 2)
        #expect(s.filter { $0.status == .cancelled }.count == 1)
        let r = PromiseRule.keptRate(s, from: base, through: base + 10)
        #expect(r.kept == 7 && r.broken == 3)
        #expect(r.kept * 100 / (r.kept + r.broken) == 70)
        // Only decisions inside the period count: 04-08..04-11 holds the three broken (decided 04-09..04-11).
        let late = PromiseRule.keptRate(s, from: base + 7, through: base + 10)
        #expect(late.kept == 0 && late.broken == 3)
        let early = PromiseRule.keptRate(s, from: base, through: base + 6)
        #expect(early.kept == 7 && early.broken == 0)
    }

    // MARK: Complaint SLA (CBIRC 2020 No. 3)

    @Test func complaintDueDates() {
        // collections-workflow.md, Complaint SLA (acceptance check_disputes): received 2025-03-03, the day not
        // counted -> simple 2025-03-18, complex 2025-04-02, complex + 30 days' extension 2025-05-02.
        let received = d("2025-03-03")
        #expect(ComplaintDeadline.due(receivedOn: received, tier: .simple) == d("2025-03-18"))
        #expect(ComplaintDeadline.due(receivedOn: received, tier: .complex) == d("2025-04-02"))
        #expect(ComplaintDeadline.due(receivedOn: received, tier: .complex, extendedDays: 30) == d("2025-05-02"))
        // The policy's days: a 7-day simple tier.
        #expect(ComplaintDeadline.due(receivedOn: received, tier: .simple, simpleDays: 7) == d("2025-03-10"))
        // Through the record (CaseTimeline.swift): a complex complaint extended by 30 days.
        let c = Complaint(customerId: "DQ1", tier: .complex, receivedOn: received, note: "对账差异投诉", extendedDays: 30)
        #expect(c.due(simpleDays: 15, complexDays: 30) == d("2025-05-02"))
        #expect(ComplaintTier(rawValue: "complex") == .complex && ComplaintTier.allCases.count == 2)
    }
}
