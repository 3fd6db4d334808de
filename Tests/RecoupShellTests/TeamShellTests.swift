import Foundation
import RecoupSQLite
import RecoupStore
import Testing

/// A team on one workspace, each shell run as another OS account: roles refuse before anything runs,
/// a waiver above the limit becomes a request another operator approves, the journal verifies.
/// Flow: shared/notes/collections-workflow.md, maker-checker M1-M3.
@Suite struct TeamShellTests {
    func team() throws -> Sandbox {
        let box = try Sandbox()
        let setup = try box.run(
            [
                "latefee post --as-of 2024-06-30",
                "operator add li --name 李娜 --role admin",
                "operator add wang --name 王芳 --role collector",
                "operator add zhou --name 周强 --role lead",
                "operator add chen --name 陈静 --role auditor",
                "policy set approval.waive_limit 150",
            ], login: "li")
        #expect(setup.status == 0, "\(setup.err)")
        return box
    }

    /// The `waived` column of INV-002 in `latefee show C001` (waivers are dated today, 2024-06-30).
    func waived(_ box: Sandbox) throws -> String {
        let r = try box.run(["latefee show C001 --as-of 2024-06-30 --format csv"], login: "li")
        let rows = r.out.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = rows.first, let col = header.firstIndex(of: "waived"),
            let id = header.firstIndex(of: "invoice_id"), let row = rows.first(where: { $0[id] == "INV-002" })
        else { return "? \(r.out) \(r.err)" }
        return String(row[col])
    }

    @Test func theFirstOperatorMustBeTheAccountRunningIt() throws {
        let box = try Sandbox()
        let r = try box.run(["operator add li --name 李娜 --role admin"], login: "wang")
        #expect(r.status == 1 && r.err.contains("the first operator must be the one adding it"))
        #expect(
            try box.run(["operator list --format csv"], login: "wang").out
                == "login,name,role,added_at,added_by,removed_at,duty\n")
    }

    @Test func rolesAreCheckedBeforeAnythingRuns() throws {
        let box = try team()
        let stranger = try box.run(["customer list --format csv"], login: "zhao")
        #expect(stranger.status == 1 && stranger.err.contains("'zhao' is not an operator of this workspace"))
        #expect(stranger.out.isEmpty)
        let auditor = try box.run(["payment add C001 100 --on 2024-06-30"], login: "chen")
        #expect(auditor.status == 1 && auditor.err.contains("chen (auditor) may not run 'payment add'"))
        #expect(try box.run(["customer show C001 --format csv"], login: "chen").status == 0)
        let collector = try box.run(["operator add zhao --name 赵 --role admin"], login: "wang")
        #expect(collector.status == 1 && collector.err.contains("admin may"))
        #expect(try box.run(["whoami"], login: "wang").out.contains("wang (王芳), collector"))
    }

    @Test func aWaiverAboveTheLimitWaitsForALead() throws {
        let box = try team()
        let before = try waived(box)
        let ask = try box.run(["latefee waive INV-002 180 --reason 客户资金周转困难"], login: "wang")
        #expect(ask.status == 0 && ask.out.contains("requested as A000001"), "\(ask.err)")
        #expect(try waived(box) == before)
        let list = try box.run(["approval list --format csv"], login: "zhou")
        #expect(list.out.hasPrefix("id,") && list.out.contains("A000001,pending,waiver,C001,180.00,wang"))
        let own = try box.run(["approval approve A000001"], login: "wang")
        #expect(own.status == 1 && own.err.contains("wang (collector) may not run 'approval approve'"))
        let ok = try box.run(["approval approve A000001 --note 同意减免"], login: "zhou")
        #expect(ok.status == 0 && ok.out.contains("approved A000001"), "\(ok.err)")
        let after = try waived(box)
        #expect(before == "0.00" && after == "180.00", "\(after)")
        let journal = try box.run(["journal --kind approval --format csv"], login: "li").out
        #expect(journal.contains("zhou") && journal.contains("approval.approved"))
        #expect(try box.run(["journal verify"], login: "chen").out.hasPrefix("journal holds:"))
        // A collector's policy change waits for an admin and moves nothing.
        let policy = try box.run(["policy set approval.waive_limit 100000"], login: "wang")
        #expect(policy.status == 0 && policy.out.contains("A000002"))
        #expect(try box.run(["policy show --format csv"], login: "li").out.contains("approval.waive_limit,150"))
    }

    /// A what-if may hold a waiver above the limit, but committing it would skip the checker: refused.
    @Test func aScenarioCannotCommitPastTheChecker() throws {
        let box = try team()
        let r = try box.run(
            ["whatif begin goodwill", "latefee waive INV-002 180 --reason 试算", "whatif commit"], keepGoing: true,
            login: "wang")
        #expect(r.status == 1 && r.err.contains("it needs approval"), "\(r.err)")
        #expect(try waived(box) == "0.00")
        // Nothing was asked for either: the scenario's changes were rolled back with the commit.
        let pending = try box.run(["approval list --format csv"], login: "li").out
        #expect(pending == "id,status,kind,customer_id,amount,maker,made_at,approvers,checker,summary,why,note\n")
    }

    /// Single-user, a void applies at once; the payment stays listed, marked void, and counts nowhere.
    @Test func aVoidedPaymentStaysListedAndCountsNowhere() throws {
        let box = try Sandbox()
        let before = try box.run(["customer list --format csv"]).out
        let r = try box.run(
            [
                "payment add C001 1234.56 --on 2024-06-30 --id PV1", "payment void PV1 --reason 重复录入",
                "payment list --customer C001 --format csv", "correction list C001 --format csv",
            ])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("PV1,2024-06-30,1234.56,0.00,0.00,,void,voided by tester"))
        #expect(r.out.contains("payment.voided,PV1,C001,2024-06-30,重复录入"))
        #expect(try box.run(["customer list --format csv"]).out == before)
        #expect(
            try box.run(["customer show C001 --format csv"]).out.contains(
                "# corrections\nkind,target,on,by,reason\npayment.voided,PV1,"))
        let again = try box.run(["payment void PV1 --reason twice"])
        #expect(again.status == 1 && again.err.contains("voided already"))
    }

    /// A plan cancelled is as if never made: balances as before, and its invoices can go into a new plan.
    @Test func aCancelledPlanCountsNowhereAndItsInvoicesReopen() throws {
        let box = try Sandbox()
        let before = try box.run(["aging --as-of 2024-06-30 --by customer --format csv"]).out
        let made = try box.run(["plan create C001 --term 6 --rate 6%", "plan list --customer C001 --format csv"])
        #expect(made.status == 0, "\(made.err)")
        let id = try #require(
            made.out.split(separator: "\n").map { String($0.prefix { $0 != "," }) }.last { $0.hasPrefix("PL") })
        #expect(try box.run(["aging --as-of 2024-06-30 --by customer --format csv"]).out != before)
        let cancel = try box.run(["plan cancel \(id) --reason 客户未签署分期协议", "correction list --format csv"])
        #expect(cancel.status == 0 && cancel.out.contains("plan.cancelled,\(id),C001"), "\(cancel.err)")
        #expect(try box.run(["aging --as-of 2024-06-30 --by customer --format csv"]).out == before)
        #expect(try box.run(["plan cancel \(id) --reason twice"]).status == 1)
        let again = try box.run(["plan create C001 --term 6 --rate 6%"])
        #expect(again.status == 0, "\(again.err)")
    }

    /// In a team, cancelling a plan waits for a lead or finance.
    @Test func aPlanCancellationWaitsForALead() throws {
        let box = try team()
        let made = try box.run(
            ["plan create C001 --term 6 --rate 6%", "plan list --customer C001 --format csv"], login: "wang")
        let id = try #require(
            made.out.split(separator: "\n").map { String($0.prefix { $0 != "," }) }.last { $0.hasPrefix("PL") })
        let ask = try box.run(["plan cancel \(id) --reason 录错客户"], login: "wang")
        #expect(ask.status == 0 && ask.out.contains("requested as A000001"), "\(ask.err)")
        #expect(try box.run(["plan list --customer C001 --format csv"], login: "wang").out.contains(id))
        #expect(try box.run(["approval approve A000001"], login: "zhou").status == 0)
        #expect(!(try box.run(["plan list --customer C001 --format csv"], login: "wang").out.contains(id)))
    }

    /// A contract over the credit limit (limit.over block) is let through only by a lead or finance.
    @Test func aContractOverTheLimitWaitsForALead() throws {
        let box = try team()
        let check = "contract check --customer C001 --service saas --value 1000000 --format csv"
        #expect(try box.run([check], login: "wang").out.contains("verdict,over limit (blocked)"))
        let ask = try box.run([check + " --request 战略客户"], login: "wang")
        #expect(ask.status == 0 && ask.out.contains("requested as A000001"), "\(ask.err)")
        #expect(try box.run([check], login: "wang").out.contains("verdict,over limit (blocked)"))
        #expect(try box.run(["approval approve A000001"], login: "zhou").status == 0)
        #expect(try box.run([check], login: "wang").out.contains("verdict,over limit (let through by zhou on"))
        // Within the value approved only.
        let more = try box.run(
            ["contract check --customer C001 --service saas --value 1000001 --format csv"], login: "wang")
        #expect(more.out.contains("verdict,over limit (blocked)"))
    }
}
