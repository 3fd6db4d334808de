import Testing
@testable import RecoupShell
