import ShellKit

extension Catalog {
    /// The tables of late fees, overdue, deposits, plan books and what-if declared with `TableSpec`, for `docs/OUTPUT.md`.
    static var bookOutputReferences: [OutputReference] {
        [
            lateFeeShowSpec.reference, lateFeePostSpec.reference, chargeSpec.reference,
            overdueStatesSpec.reference, overdueChangesSpec.reference, overdueContractsSpec.reference,
            overdueCustomersSpec.reference, queueSpec.reference,
            depositHeldSpec.reference, depositMovementsSpec.reference, depositCheckSpec.reference,
            planQuoteSpec.reference, planCompareSpec.reference, planScheduleSpec.reference,
            planRowsSpec().reference, planListSpec.reference,
            scenarioListSpec.reference, whatifCustomersSpec.reference, whatifCashSpec.reference,
            policyTierSpec.reference,
        ]
    }
}
