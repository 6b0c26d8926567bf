namespace DualHome.Daemon.Platform;

/// <summary>A background thread that calls a receive step until disposed. A transient socket error (ENETDOWN
/// while a cable is out) pauses the loop briefly instead of killing the router.</summary>
public sealed class ReceiveThread : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Action _wake;

    private ReceiveThread(string name, Func<CancellationToken, bool> step, Action wake)
    {
        _thread = new Thread(() => Loop(step)) { IsBackground = true, Name = name };
        _wake = wake;
    }

    /// <summary><paramref name="wake"/> unblocks a step waiting in the kernel (closing its socket does), so a
    /// stop does not wait out the receive timeout.</summary>
    public static ReceiveThread Start(string name, Func<CancellationToken, bool> step, Action wake)
    {
        var t = new ReceiveThread(name, step, wake);
        t._thread.Start();
        return t;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _wake();
        _thread.Join(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private void Loop(Func<CancellationToken, bool> step)
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (!step(token)) return;
            }
            catch (IOException)
            {
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
