namespace DualHome.Daemon.Platform;

/// <summary>A background thread that calls a receive step until disposed. A transient socket error (ENETDOWN
/// while a cable is out) pauses the loop briefly instead of killing the router.</summary>
public sealed class ReceiveThread : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    private ReceiveThread(string name, Func<CancellationToken, bool> step)
    {
        _thread = new Thread(() => Loop(step)) { IsBackground = true, Name = name };
    }

    public static ReceiveThread Start(string name, Func<CancellationToken, bool> step)
    {
        var t = new ReceiveThread(name, step);
        t._thread.Start();
        return t;
    }

    public void Dispose()
    {
        _stop.Cancel();
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
