namespace DualHome.Control.Tests.Support;

/// <summary>A running server on a socket in a fresh temp directory, with a scripted handler and a recording log.</summary>
public abstract class ControlTest : IAsyncLifetime
{
    /// <summary>A safety limit only: every wait in these tests ends on an event long before it.</summary>
    protected static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _dir = new();

    internal ControlTest(ScriptedHandler? handler = null) => Handler = handler ?? new ScriptedHandler();

    internal ScriptedHandler Handler { get; }

    internal RecordingLogger Log { get; } = new();

    internal TempDirectory Dir => _dir;

    protected string SocketPath => _dir.File("ctl.sock");

    protected ControlServer Server { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected virtual TimeSpan DrainTime => TimeSpan.FromSeconds(2);

    public virtual ValueTask InitializeAsync()
    {
        Server = new ControlServer(SocketPath, Handler, Log) { DrainTime = DrainTime };
        Server.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<ControlResponse> SendAsync(string command, params string[] args) =>
        ControlClient.SendAsync(SocketPath, new ControlRequest(command, args), Safety, Cancel);
}
