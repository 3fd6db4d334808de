import Foundation
import Testing
@testable import RecoupCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("12345.6", 1_234_560), ("-3.50", -350), ("0", 0), ("0.01", 1), (".5", 50), ("+7", 700),
        ("1000000.99", 100_000_099),
    ])
    func parsesCanonicalAmounts(text: String, minor: Int64) throws {
        #expect(try Money.parse(text).get() == Money(minorUnits: minor))
    }

    @Test(arguments: [
        ("1.999", MoneyParseError.tooManyDecimals), ("1,000.00", .thousandsSeparator), ("", .empty),
        ("¥12", .notANumber), ("1e3", .notANumber), ("1.2.3", .notANumber), ("-", .notANumber), (".", .notANumber),
    ])
    func rejectsWhatIsNotAnAmount(text: String, error: MoneyParseError) {
        #expect(throws: error) { try Money.parse(text).get() }
    }

    /// Amounts as a collector types them (issue: `5,000`, `5000.00`, `¥5,000` and `5000元`).
    @Test(arguments: [
        ("5,000", 500_000), ("5000.00", 500_000), ("¥5,000", 500_000), ("5000元", 500_000),
        ("￥1,234,567.89", 123_456_789), ("-¥12.5", -1_250), ("¥0.01", 1), ("999", 99_900),
    ])
    func parsesTypedAmounts(text: String, minor: Int64) throws {
        #expect(try Money.parseTyped(text).get() == Money(minorUnits: minor))
    }

    @Test(arguments: [
        ("50,00", MoneyParseError.misplacedSeparator), ("5,0000", .misplacedSeparator), (",500", .misplacedSeparator),
        ("1234,567", .misplacedSeparator), ("5,000.001", .tooManyDecimals), ("¥", .empty), ("5000 元", .notANumber),
        ("$5", .notANumber), ("元5", .notANumber),
    ])
    func rejectsTypedTextThatIsNotAnAmount(text: String, error: MoneyParseError) {
        #expect(throws: error) { try Money.parseTyped(text).get() }
    }

    @Test func printsTwoDecimalsAndGroups() {
        #expect(Money(minorUnits: -350).description == "-3.50")
        #expect(Money(minorUnits: 5).description == "0.05")
        #expect(Money(minorUnits: 123_456_789).grouped == "1,234,567.89")
        #expect(Money(minorUnits: -100_000).grouped == "-1,000.00")
    }

    /// Rounding modes on halves and near-halves, positive and negative.
    @Test(
        arguments: [
            (RoundingMode.halfUp, 5, 10, 1), (.halfUp, -5, 10, -1), (.halfUp, 4, 10, 0),
            (.halfEven, 5, 10, 0), (.halfEven, 15, 10, 2), (.halfEven, -25, 10, -2), (.halfEven, 26, 10, 3),
            (.up, 1, 10, 1), (.up, -1, 10, -1), (.up, 10, 10, 1),
        ] as [(RoundingMode, Int64, Int64, Int64)])
    func roundsAsNamed(mode: RoundingMode, n: Int64, d: Int64, want: Int64) {
        #expect(mode.divide(n, by: d) == want)
    }

    /// Daily-rate late fee from shared/spec/test-vectors.md ("Daily rate"): 10,000 overdue 30 days
    /// at 0.05 %/day is 150.00.
    @Test func dailyRateVector() {
        let fee = Money(minorUnits: 1_000_000).scaled(by: 5 * 30, over: 10_000, rounding: .halfUp)
        #expect(fee.description == "150.00")
    }
}

@Suite struct DayTests {
    @Test func roundTripsAcrossCenturies() {
        for ordinal in stride(from: Int32(-200_000), through: 200_000, by: 997) {
            let d = Day(ordinal: ordinal)
            #expect(Day(d.iso) == d)
        }
    }

    @Test func knowsTheCalendar() {
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2024-02-30") == nil)
        #expect(Day("2024-13-01") == nil)
        #expect(Day("2024-1-01") == nil)
        #expect(Day("2024-03-01")! - Day("2024-02-28")! == 2)
        #expect(Day("2024-01-31")!.addingMonths(1).iso == "2024-02-29")
        #expect(Day("2000-02-29") != nil && Day("1900-02-29") == nil)
    }

    @Test(arguments: [
        ("M/d/yyyy", "3/7/2013", "2013-03-07"), ("M/d/yyyy", "12/31/2012", "2012-12-31"),
        ("dd.MM.yyyy", "07.03.2013", "2013-03-07"), ("yyyy/M/d", "2013/3/7", "2013-03-07"),
        ("yyyy-MM-dd", "2013-03-07", "2013-03-07"), ("d/M/yy", "7/3/13", "2013-03-07"),
    ])
    func readsForeignLayouts(pattern: String, text: String, iso: String) throws {
        let f = try #require(DateFormat(pattern))
        #expect(f.parse(text)?.iso == iso)
    }

    @Test func rejectsWrongForeignDates() throws {
        let f = try #require(DateFormat("M/d/yyyy"))
        #expect(f.parse("2/30/2013") == nil)
        #expect(f.parse("2013-03-07") == nil)
        #expect(f.parse("3/7/2013x") == nil)
        #expect(DateFormat("yyyy-MM") == nil)
    }
}

/// Days and amounts in JSON (journal payloads, saved scenarios, plan terms): readable, exact, and the
/// earlier keyed form still read.
@Suite struct CodableFormTests {
    @Test func daysAndAmountsEncodeReadablyAndDecodeBothForms() throws {
        struct Pair: Codable, Equatable { var day: Day; var amount: Money }
        let pair = Pair(day: Day("2026-11-30")!, amount: Money(minorUnits: 125_075))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(pair), as: UTF8.self) == #"{"amount":125075,"day":"2026-11-30"}"#)
        let old = #"{"amount":{"minorUnits":125075},"day":{"ordinal":20787}}"#
        #expect(try JSONDecoder().decode(Pair.self, from: Data(old.utf8)) == pair)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Pair.self, from: Data(#"{"amount":1,"day":"2026-02-30"}"#.utf8))
        }
    }
}
