using Microsoft.CodeAnalysis;

namespace StrategyLint.Analysis;

/// <summary>The severities a user can configure (product.md §5): error, warning, info (SARIF "note"), off.</summary>
internal enum RuleSeverity
{
    Off = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

internal static class RuleSeverityExtensions
{
    public static RuleSeverity FromDefault(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => RuleSeverity.Error,
        DiagnosticSeverity.Warning => RuleSeverity.Warning,
        DiagnosticSeverity.Info => RuleSeverity.Info,
        _ => RuleSeverity.Off,
    };

    public static bool TryParse(string? value, out RuleSeverity severity)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "error": severity = RuleSeverity.Error; return true;
            case "warning": severity = RuleSeverity.Warning; return true;
            case "info": severity = RuleSeverity.Info; return true;
            case "off": severity = RuleSeverity.Off; return true;
            default: severity = RuleSeverity.Off; return false;
        }
    }

    /// <summary>The word used in text output and in the config.</summary>
    public static string ToName(this RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "info",
        _ => "off",
    };

    /// <summary>The SARIF <c>level</c>.</summary>
    public static string ToSarifLevel(this RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };
}
