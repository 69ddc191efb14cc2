using System.Reflection;

namespace StrategyLint.Cli;

/// <summary>Name, version and home of the tool, as SARIF and --version show them.</summary>
internal static class ToolInfo
{
    public const string Name = "StrategyLint";
    public const string InformationUri = "https://github.com/strategylint/strategylint";

    /// <summary>The package version without the "+commit" suffix the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
