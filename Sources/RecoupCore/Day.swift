/// A civil day (no time, no time zone), stored as the number of days since 1970-01-01.
///
/// Differences are whole days: `Day("2024-03-01")! - Day("2024-02-28")! == 2`.
public struct Day: Sendable, Hashable, Comparable, Codable {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// The day with this proleptic Gregorian year, month (1-12) and day of month, or nil if invalid.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146097 + doe - 719468)
    }

    /// Parses ISO `YYYY-MM-DD` strictly (`2024-02-30` is nil).
    public init?(_ iso: String) {
        self.init(isoUTF8: Array(iso.utf8)[...])
    }

    /// `init(_:)` on UTF-8 bytes (an array's slice, or a slice of a mapped file), for importers
    /// that validate before making strings.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(isoUTF8 b: Bytes) where Bytes.Index == Int {
        let o = b.startIndex
        guard b.count == 10, b[o + 4] == UInt8(ascii: "-"), b[o + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = b[i]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(c - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = digits(o..<o + 4), let m = digits(o + 5..<o + 7), let d = digits(o + 8..<o + 10) else {
            return nil
        }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal + Int32(days)) }
    public static func - (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal - Int32(days)) }
    /// Whole days from `b` to `a`.
    public static func - (a: Day, b: Day) -> Int { Int(a.ordinal) - Int(b.ordinal) }

    /// The same day of month `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28/29).
    public func addingMonths(_ months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total / 12, nm = total % 12 + 1
        return Day(year: ny, month: nm, day: min(d, Day.daysIn(month: nm, year: ny)))!
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}

/// A date layout for foreign files, such as `M/d/yyyy`, `dd.MM.yyyy` or `yyyy/MM/dd`.
///
/// Fields: `yyyy` (4-digit year), `yy` (2000 + two digits), `M`/`MM`, `d`/`dd` (one or two digits
/// for the single letter, exactly two for the double); any other character must match literally.
public struct DateFormat: Sendable, Hashable {
    enum Piece: Hashable { case year4, year2, month(exact: Bool), day(exact: Bool), literal(UInt8) }
    let pieces: [Piece]
    public let pattern: String

    public static let iso = DateFormat(validated: "yyyy-MM-dd")

    /// A format from its pattern, or nil when it lacks a year, a month or a day.
    public init?(_ pattern: String) {
        self.init(validated: pattern)
        var y = false, m = false, d = false
        for p in pieces {
            switch p {
            case .year4, .year2: y = true
            case .month: m = true
            case .day: d = true
            case .literal: break
            }
        }
        if !(y && m && d) { return nil }
    }

    private init(validated pattern: String) {
        self.pattern = pattern
        var out: [Piece] = []
        let b = Array(pattern.utf8)
        var i = 0
        while i < b.count {
            var n = 1
            while i + n < b.count && b[i + n] == b[i] { n += 1 }
            switch (b[i], n) {
            case (UInt8(ascii: "y"), 4): out.append(.year4)
            case (UInt8(ascii: "y"), 2): out.append(.year2)
            case (UInt8(ascii: "M"), 1), (UInt8(ascii: "M"), 2): out.append(.month(exact: n == 2))
            case (UInt8(ascii: "d"), 1), (UInt8(ascii: "d"), 2): out.append(.day(exact: n == 2))
            default: for _ in 0..<n { out.append(.literal(b[i])) }
            }
            i += n
        }
        pieces = out
    }

    /// The day this text names in this format, or nil.
    public func parse(_ text: String) -> Day? {
        if pieces == DateFormat.iso.pieces { return Day(text) }
        let b = Array(text.utf8)
        var i = 0, year = 0, month = 0, day = 0
        func number(min: Int, max: Int) -> Int? {
            var v = 0, n = 0
            while i < b.count, n < max, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                v = v * 10 + Int(b[i] - UInt8(ascii: "0")); i += 1; n += 1
            }
            return n >= min ? v : nil
        }
        for p in pieces {
            switch p {
            case .year4: guard let v = number(min: 4, max: 4) else { return nil }; year = v
            case .year2: guard let v = number(min: 2, max: 2) else { return nil }; year = 2000 + v
            case .month(let exact): guard let v = number(min: exact ? 2 : 1, max: 2) else { return nil }; month = v
            case .day(let exact): guard let v = number(min: exact ? 2 : 1, max: 2) else { return nil }; day = v
            case .literal(let c): guard i < b.count, b[i] == c else { return nil }; i += 1
            }
        }
        guard i == b.count else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

extension Day {
    private enum CodingKeys: String, CodingKey { case ordinal }

    /// Encoded as its ISO text (`"2026-11-30"`), so the journal's payloads and saved scenarios read as
    /// dates. Plans stored before this wrote `{"ordinal": N}`; both are read.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let text = try? c.decode(String.self) {
            guard let day = Day(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not a YYYY-MM-DD day")
            }
            self = day
            return
        }
        self.init(ordinal: try decoder.container(keyedBy: CodingKeys.self).decode(Int32.self, forKey: .ordinal))
    }
}
