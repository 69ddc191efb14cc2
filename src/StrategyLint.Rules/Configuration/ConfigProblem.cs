namespace StrategyLint.Configuration;

/// <summary>A configuration error with its place: file, 1-based line and column, JSON path.</summary>
internal sealed record ConfigProblem(string File, int Line, int Column, string JsonPath, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): error SL0001: {Message}";
}
