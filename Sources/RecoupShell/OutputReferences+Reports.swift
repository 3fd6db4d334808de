import ShellKit

extension Catalog {
    /// The tables of aging, KPIs, forecast, bureau, records, team, journal, session, policy, dunning, credit and customer file declared with `TableSpec`, for `docs/OUTPUT.md`.
    static var reportOutputReferences: [OutputReference] {
        [
            policyShowSpec.reference,
            agingReference,
            rollRateSpec.reference, paymentDelaySpec.reference,
            forecastSpec.reference, forecastChangeSpec.reference,
            bureauReportSpec.reference,
            contractListSpec.reference, unmatchedPaymentSpec.reference, paidBySpec.reference,
            paymentListSpec.reference,
            operatorListSpec.reference, approvalListSpec.reference, approvalShowSpec.reference,
            journalSpec.reference,
            variableSpec.reference,
            correctionListSpec.reference,
            dunRunSpec.reference, dunSentSpec.reference,
            scoreHistorySpec.reference, creditReasonSpec.reference,
            customerFindSpec.reference, fileOpenInvoiceSpec.reference, filePaymentSpec.reference,
            fileComplaintSpec.reference, fileCorrectionSpec.reference,
        ]
    }
}
