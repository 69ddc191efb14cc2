using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>The --format values of lint.</summary>
internal static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static readonly string[] All = [Text, Json, Sarif];

    public static IResultFormatter Create(string name, bool color) => name switch
    {
        Json => new JsonFormatter(),
        Sarif => new SarifFormatter(),
        _ => new TextFormatter(color),
    };
}

/// <summary>Writes a run's findings in one format.</summary>
internal interface IResultFormatter
{
    void Write(LintResult result, RuleCatalog catalog, TextWriter writer);
}
