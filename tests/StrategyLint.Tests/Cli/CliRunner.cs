using StrategyLint.Cli;

namespace StrategyLint.Tests.Cli;

/// <summary>The result of running the CLI in-process.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the command line in-process against a working folder, with captured output and optional stdin.</summary>
public static class CliRunner
{
    public static CliRun Run(string workingDirectory, params string[] args) => RunWithStdin(workingDirectory, [], args);

    public static CliRun RunWithStdin(string workingDirectory, byte[] stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(workingDirectory, output, error, () => stdin, OutIsTerminal: false, NoColor: true);
        var exit = StrategyLintCli.Run(args, environment);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary folder for a test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strategylint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
