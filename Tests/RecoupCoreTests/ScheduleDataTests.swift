import Foundation
import Testing
@testable import RecoupCore

/// LendingClub's public 2007–2011 loan export (data/lendingclub-installments/, 85 real loans): the
/// installment is the exact level payment rounded UP to the cent; half-up matches only 41 (data/README.md).
@Suite struct ScheduleDataTests {
    struct Loan { var id: String; var funded: Money; var term: Int; var rate: Rate; var installment: Money }

    /// The shared data folder, /work/shared/data, found from this file (symlinks resolved); a missing folder fails.
    static func loans() throws -> [Loan] {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let folder = here.appendingPathComponent("../../../shared/data/lendingclub-installments").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        var out: [Loan] = []
        for f in files {
            let text = try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                let c = line.split(separator: ",").map(String.init)
                out.append(Loan(id: c[0], funded: m(c[2]), term: Int(c[3])!, rate: Rate.percent(c[4])!, installment: m(c[5])))
            }
        }
        return out
    }

    func payment(_ loan: Loan, _ mode: RoundingMode) throws -> Money {
        var t = PlanTerms(principal: loan.funded, annualRate: loan.rate, term: loan.term, start: Day("2011-12-01")!)
        t.rounding = mode
        return try ScheduleEngine.quote(t).installments[0].payment
    }

    @Test func allEightyFiveLoansMatchRoundingUp() throws {
        let loans = try Self.loans()
        #expect(loans.count == 85)
        for loan in loans {
            #expect(try payment(loan, .up) == loan.installment, "loan \(loan.id)")
        }
    }

    /// Sanity check of the README's count, and of the three modes against each other.
    @Test func halfUpMatchesFortyOneAndModesDifferByAtMostACent() throws {
        var halfUp = 0, halfEven = 0
        for loan in try Self.loans() {
            let up = try payment(loan, .up), hu = try payment(loan, .halfUp), he = try payment(loan, .halfEven)
            if hu == loan.installment { halfUp += 1 }
            if he == loan.installment { halfEven += 1 }
            #expect(hu <= up && up - hu <= Money(minorUnits: 1) && he <= up && up - he <= Money(minorUnits: 1))
        }
        #expect(halfUp == 41)
        #expect(halfEven == 41)
    }

    /// An exact-cent level payment is not pushed up by `.up` (no floating error in the level payment):
    /// e.g. 2,050 at 5 %/month over 2 months is exactly 1,102.50 twice.
    @Test(arguments: [("100", "12", 1, "101.00"), ("10000", "6", 1, "10050.00"), ("1200", "0", 12, "100.00"),
                      ("2050", "60", 2, "1102.50")])
    func exactCentPaymentsStay(principal: String, rate: String, term: Int, want: String) throws {
        for mode in RoundingMode.allCases {
            let s = try ScheduleEngine.quote(terms(principal, rate, term, rounding: mode))
            #expect(s.installments.allSatisfy { $0.payment == m(want) }, "\(mode)")
        }
    }
}
