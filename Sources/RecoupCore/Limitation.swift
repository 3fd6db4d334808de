/// The limitation period (诉讼时效) of a claim: Civil Code (CC) arts 188-204 and the Supreme People's Court's
/// 2020 rules on limitation in civil cases (SPC). Three years, restarted by each interruption, dates counted as
/// CC 200-204 say; an expired claim is reported, never dropped (CC 192-193: only the debtor may plead it).

extension Day {
    /// The same month and day `n` years later; Feb 29 becomes Feb 28 in a year without one (a period of years
    /// ends on the corresponding day of its last month, or on the month's last day when there is none: CC 202).
    public func addingYears(_ n: Int) -> Day { addingMonths(12 * n) }

    /// The ISO weekday, 1 = Monday ... 7 = Sunday, from the ordinal (ordinal 0, 1970-01-01, was a Thursday);
    /// for the weekend switch of `LimitationCalendar` (CC 203).
    public var weekday: Int {
        let r = (Int(ordinal) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }
}

/// The days a limitation deadline may not end on (CC 203): a period whose last day is a statutory holiday
/// (法定休假日) ends on the day after the holiday. The State Council's yearly holidays are data (`holidays`);
/// whether plain Saturdays and Sundays count as 休假日 is the policy's switch (`weekends`).
public struct LimitationCalendar: Sendable, Hashable {
    /// Saturdays and Sundays are days off.
    public var weekends: Bool
    /// Listed statutory holidays (the State Council's 放假安排, loaded yearly).
    public var holidays: Set<Day>

    /// A calendar of `holidays`, with Saturdays and Sundays off when `weekends` is on (CC 203).
    public init(weekends: Bool = false, holidays: Set<Day> = []) {
        self.weekends = weekends
        self.holidays = holidays
    }

    /// Whether `day` is a day off: a listed holiday, or (with `weekends` on) a Saturday or Sunday (CC 203).
    public func isDayOff(_ day: Day) -> Bool {
        holidays.contains(day) || (weekends && day.weekday >= 6)
    }

    /// The deadline `day`, or when it is a day off the first day after it that is not (CC 203): a holiday moves
    /// to the next working day; with `weekends` on, a Saturday or Sunday moves to Monday, or later if that is a
    /// holiday too.
    public func adjust(_ day: Day) -> Day {
        var d = day
        while isDayOff(d) { d = d + 1 }
        return d
    }
}

/// A dated event that interrupts the limitation period (CC 195, SPC 8 and 10-14).
///
/// A demand counts only once delivered (SPC 8): a `.demand` event is a demand that reached the debtor, and the
/// caller leaves out demands never delivered.
public struct LimitationEvent: Sendable, Hashable {
    /// What happened. Every kind interrupts the period while it runs (CC 195).
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A demand for payment delivered to the debtor (CC 195(1), SPC 8).
        case demand
        /// The debtor acknowledged the debt (CC 195(2), SPC 14).
        case acknowledgement
        /// A promise to pay (CC 195(2), SPC 14).
        case promise
        /// A part payment (partial performance, SPC 14).
        case partPayment = "part_payment"
        /// A repayment plan accepted (SPC 14).
        case plan
        /// A request for mediation (SPC 12).
        case mediation
        /// An application for a payment order (SPC 11(1)).
        case paymentOrder = "payment_order"
        /// An application for pre-suit preservation (SPC 11(4)).
        case preservation
        /// A suit filed (CC 195(3), SPC 10).
        case suit
        /// An application for enforcement (SPC 11).
        case enforcement
    }

    public var day: Day
    public var kind: Kind
    /// What the event was, for reading (e.g. "demand K00000012 delivered").
    public var note: String

    /// An event of `kind` on `day`.
    public init(day: Day, kind: Kind, note: String = "") {
        self.day = day
        self.kind = kind
        self.note = note
    }

    /// The debtor agreed to perform: an acknowledgement, a promise, a part payment or a plan (CC 195(2),
    /// SPC 14). After the period has run out only such an event matters: the debtor can no longer refuse on
    /// the ground of limitation (CC 192, SPC 19).
    public var acknowledges: Bool {
        switch kind {
        case .acknowledgement, .promise, .partPayment, .plan: return true
        case .demand, .mediation, .paymentOrder, .preservation, .suit, .enforcement: return false
        }
    }
}

/// Where a claim's limitation period stands on a day (CC 188-195, SPC 19).
public struct LimitationStanding: Sendable, Hashable {
    /// Running, run out, or run out but acknowledged afterwards (CC 192, SPC 19).
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case running, expired
        case expiredAcknowledged = "expired_acknowledged"
    }

    /// The day the period runs from: the due date, or a plan's last installment (CC 188, 189).
    public var start: Day
    /// The last day of the period, moved off days off by the calendar (CC 203).
    public var deadline: Day
    public var status: Status
    /// The interruption the current period runs from, if any (CC 195).
    public var lastInterruption: LimitationEvent?
    /// The first acknowledgement after the period ran out, if any (CC 192, SPC 19).
    public var acknowledgedAfterExpiry: LimitationEvent?

    /// A standing as computed by `Limitation.standing`.
    public init(
        start: Day, deadline: Day, status: Status, lastInterruption: LimitationEvent? = nil,
        acknowledgedAfterExpiry: LimitationEvent? = nil
    ) {
        self.start = start
        self.deadline = deadline
        self.status = status
        self.lastInterruption = lastInterruption
        self.acknowledgedAfterExpiry = acknowledgedAfterExpiry
    }

    /// Whole days from `asOf` to the deadline: 0 on the deadline itself (the period ends at 24:00 of its last
    /// day, CC 203), negative once it has run out.
    public func daysLeft(asOf: Day) -> Int { deadline - asOf }
}

/// The limitation watch of one claim (CC 188-203, SPC 8-19).
public enum Limitation {
    /// The ordinary period: three years (CC 188).
    public static let years = 3

    /// The standing on `asOf` of a claim whose period runs from `start`, given its interruptions.
    ///
    /// Only events dated on or before `asOf` count, in date order (events of one day in the given order), and
    /// none dated before `start` (the period had not begun, so there was nothing to interrupt). The deadline is
    /// `start` plus 3 years (the start day not counted, CC 201; Feb 29 to Feb 28, CC 202), moved off days off
    /// (CC 203). An event on or before the deadline (on the deadline day itself still counts) restarts a full
    /// period from its day (CC 195). An event after the deadline finds the period run out: a demand or a legal
    /// step changes nothing; an event that `acknowledges` the debt is kept as `acknowledgedAfterExpiry` (the
    /// debtor can no longer refuse on the ground of limitation, CC 192, SPC 19) and the deadline stays.
    /// Status: acknowledged after expiry, else expired once `asOf` is past the deadline, else running.
    public static func standing(start: Day, events: [LimitationEvent], asOf: Day, calendar: LimitationCalendar)
        -> LimitationStanding
    {
        let counted = events.enumerated()
            .filter { $0.element.day <= asOf && $0.element.day >= start }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map { $0.element }
        var deadline = calendar.adjust(start.addingYears(years))
        var last: LimitationEvent? = nil
        var acknowledged: LimitationEvent? = nil
        for event in counted {
            if event.day <= deadline {
                deadline = calendar.adjust(event.day.addingYears(years))
                last = event
            } else if event.acknowledges && acknowledged == nil {
                acknowledged = event
            }
        }
        let status: LimitationStanding.Status =
            acknowledged != nil ? .expiredAcknowledged : asOf > deadline ? .expired : .running
        return LimitationStanding(
            start: start, deadline: deadline, status: status, lastInterruption: last,
            acknowledgedAfterExpiry: acknowledged)
    }
}
