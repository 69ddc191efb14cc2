namespace StrategyLint.Cli;

/// <summary>Everything the CLI touches outside itself, so tests can run it in-process.</summary>
internal sealed record CliEnvironment(
    string WorkingDirectory,
    TextWriter Out,
    TextWriter Error,
    Func<byte[]> ReadStdin,
    bool OutIsTerminal,
    bool NoColor,
    Func<string, string?>? Variables = null,
    bool ErrorIsTerminal = false)
{
    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? Variable(string name) => Variables?.Invoke(name) is { Length: > 0 } value ? value : null;

    public static CliEnvironment FromConsole()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CliEnvironment(
            Environment.CurrentDirectory,
            stdout,
            stderr,
            () =>
            {
                using var input = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                return buffer.ToArray();
            },
            OutIsTerminal: !Console.IsOutputRedirected,
            NoColor: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            Variables: Environment.GetEnvironmentVariable,
            ErrorIsTerminal: !Console.IsErrorRedirected);
    }
}
