using Pipeline.Errors;

namespace MriTransfer.Reporting;

/// <summary>Bad report inputs (a missing metrics.json, history.csv or learning-curve file, ...).</summary>
public sealed class ReportInputException : InputException
{
    public ReportInputException(string message) : base(message) { }

    public ReportInputException(IEnumerable<string> problems) : base(problems) { }
}
