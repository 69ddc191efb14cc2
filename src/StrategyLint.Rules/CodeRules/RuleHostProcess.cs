using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace StrategyLint.CodeRules;

/// <summary>How to start the rule host, and the limits it runs under.</summary>
internal sealed record RuleHostLimits(TimeSpan Budget, long MemoryBytes)
{
    /// <summary>The default heap limit of the rule host: ample for rules that read a draft, far below a runner's memory.</summary>
    public const long DefaultMemoryBytes = 512L * 1024 * 1024;

    /// <summary>Extra wall-clock time beyond the rule's own budget before the host is ended: start-up, parsing the draft, replying.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
}

/// <summary>Why the rule host ended or was ended while a rule ran: a reason in a reviewer's words.</summary>
internal sealed class RuleHostCrashedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// One rule host child process (<c>strategylint --rule-host</c>): started with an environment that holds only what
/// the .NET runtime needs (no tokens, no secrets, not even HOME or PATH), a GC heap hard limit, diagnostics off, and
/// its working folder outside the checkout; talked to over its standard input and output; ended (with its whole
/// process tree) when a reply takes longer than the rule's budget plus <see cref="RuleHostLimits.Grace"/>.
/// </summary>
internal sealed class RuleHostProcess : IDisposable
{
    /// <summary>A reply longer than this is not a rule's findings but an attack on the parent's memory.</summary>
    private const int MaxReplyChars = 64 * 1024 * 1024;

    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly StreamReader _output;
    private readonly StringBuilder _errorTail = new();
    private bool _ended;

    private RuleHostProcess(Process process)
    {
        _process = process;
        _input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
        _output = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_errorTail)
            {
                _errorTail.AppendLine(e.Data);
                if (_errorTail.Length > 8192)
                    _errorTail.Remove(0, _errorTail.Length - 8192);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The document the host parsed last, so the same draft is not sent again for the next rule.</summary>
    public string? LastDocumentKey { get; set; }

    public bool HasEnded => _ended || _process.HasExited;

    /// <summary>The child's process id (tests read its environment from outside).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a rule host; throws <see cref="RuleHostCrashedException"/> when it cannot be started.</summary>
    public static RuleHostProcess Start(long memoryBytes)
    {
        var (program, arguments) = Launcher();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            // Not the checkout: a relative path in the host means nothing there.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in Environment(memoryBytes))
            start.Environment[name] = value;
        try
        {
            var process = Process.Start(start) ?? throw new RuleHostCrashedException("the rule host could not be started");
            return new RuleHostProcess(process);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RuleHostCrashedException($"the rule host could not be started ({ex.Message})");
        }
    }

    /// <summary>
    /// The child's whole environment. Secrets in CI live in environment variables (GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN,
    /// cloud credentials), so nothing is inherited: only the runtime's location, and settings that bound the host.
    /// </summary>
    internal static IEnumerable<(string Name, string Value)> Environment(long memoryBytes)
    {
        if (System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
            yield return ("DOTNET_ROOT", root);
        // A hard limit on the managed heap: past it, allocations throw OutOfMemoryException in the rule, not on the machine.
        yield return ("DOTNET_GCHeapHardLimit", memoryBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("DOTNET_gcServer", "0");
        // No debugger, profiler or diagnostics pipe to attach to the host.
        yield return ("DOTNET_EnableDiagnostics", "0");
        yield return ("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        yield return ("DOTNET_NOLOGO", "1");
    }

    /// <summary>
    /// The program that runs StrategyLint's own entry assembly in rule-host mode: the dotnet host of the runtime this
    /// process runs on (found from the runtime's own folder, not from PATH, which a checkout can influence), executing
    /// StrategyLint.dll beside this assembly; else this process's own executable when it is StrategyLint's app host.
    /// </summary>
    internal static (string Program, string[] Arguments) Launcher()
    {
        var entry = Path.Combine(AppContext.BaseDirectory, "StrategyLint.dll");
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var muxer = Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (File.Exists(entry) && File.Exists(muxer))
            return (muxer, ["exec", entry, RuleHostServer.Argument]);
        if (System.Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("strategylint", StringComparison.OrdinalIgnoreCase))
            return (self, [RuleHostServer.Argument]);
        throw new RuleHostCrashedException($"the rule host could not be started: StrategyLint.dll and the dotnet host were not found beside {AppContext.BaseDirectory}");
    }

    /// <summary>Sends one request and waits for its reply; on a crash or a timeout the host is ended and the reason thrown.</summary>
    public HostResponse Call(HostRequest request, TimeSpan timeout)
    {
        if (HasEnded)
            throw new RuleHostCrashedException(CrashReason());
        try
        {
            _input.WriteLine(RuleHostJson.Write(request));
            _input.Flush();
        }
        catch (IOException)
        {
            End();
            throw new RuleHostCrashedException(CrashReason());
        }
        var read = Task.Run(ReadReply);
        if (!read.Wait(timeout))
        {
            End();
            throw new RuleHostCrashedException($"ran for more than {timeout.TotalSeconds:0.#} s, so its process was ended");
        }
        var line = read.Result;
        if (line is null)
        {
            End();
            throw new RuleHostCrashedException(CrashReason());
        }
        try
        {
            return RuleHostJson.Read<HostResponse>(line) ?? throw new RuleHostCrashedException("the rule host sent an empty reply");
        }
        catch (System.Text.Json.JsonException)
        {
            End();
            throw new RuleHostCrashedException("the rule host sent a reply StrategyLint could not read");
        }
    }

    // One line, bounded: the host is ours, but what it copies from a rule is not.
    private string? ReadReply()
    {
        var line = new StringBuilder();
        while (true)
        {
            int next;
            try
            {
                next = _output.Read();
            }
            catch (IOException)
            {
                return null;
            }
            if (next < 0)
                return null;
            if (next == '\n')
                return line.ToString();
            if (line.Length >= MaxReplyChars)
                return null;
            line.Append((char)next);
        }
    }

    // Why the host is gone, from what the runtime wrote on its way out.
    private string CrashReason()
    {
        try
        {
            // Once exited, the untimed wait also waits for the last of standard error, where the runtime says why.
            if (_process.WaitForExit(2000))
                _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        string tail;
        lock (_errorTail)
            tail = _errorTail.ToString();
        var exit = _process.HasExited ? _process.ExitCode : (int?)null;
        if (tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "overflowed the stack, which ended its process";
        if (tail.Contains("OutOfMemory", StringComparison.Ordinal) || tail.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
            return "ran out of memory, which ended its process";
        if (tail.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase))
            return "threw an exception outside its analysis (from a finalizer, a thread or an async void method), which ended its process";
        // 134 is SIGABRT, which is how the runtime ends a process whose stack overflowed when it could not say so.
        return exit is 134 ? "overflowed the stack or aborted, which ended its process"
            : exit is { } code ? $"ended its process unexpectedly (exit code {code})" : "ended its process unexpectedly";
    }

    private void End()
    {
        _ended = true;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            _input.Dispose();
        }
        catch (IOException)
        {
        }
        End();
        _process.Dispose();
    }
}
