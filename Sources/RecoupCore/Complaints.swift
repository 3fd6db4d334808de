/// How long a complaint may take (银行业保险业消费投诉处理管理办法, CBIRC order 2020 No. 3): a simple one is
/// decided within 15 days, a complex one within 30; a special case may be extended (by at most 30 more, with
/// senior approval and notice to the complainant).
public enum ComplaintTier: String, Sendable, CaseIterable, Codable {
    case simple, complex
}

/// The due date of a complaint's answer (CBIRC order 2020 No. 3; the policy sets the days).
public struct ComplaintDeadline: Sendable {
    /// `receivedOn` plus the tier's days plus any extension, the day received not counted (received 2025-03-03:
    /// simple 2025-03-18, complex 2025-04-02, complex extended by 30 days 2025-05-02). The extension is added as
    /// recorded (CBIRC 2020 No. 3 allows at most 30; the store checks `complaint.max_extension_days`).
    public static func due(
        receivedOn: Day, tier: ComplaintTier, simpleDays: Int = 15, complexDays: Int = 30, extendedDays: Int = 0
    ) -> Day {
        receivedOn + (tier == .simple ? simpleDays : complexDays) + extendedDays
    }
}
