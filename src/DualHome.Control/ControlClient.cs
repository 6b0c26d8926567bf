namespace DualHome.Control;

/// <summary>One request, one answer: what <c>dualhomed ctl</c> does.</summary>
public static class ControlClient
{
    /// <summary>Connects, sends, waits for the answer, closes; <paramref name="timeout"/> covers the whole exchange.</summary>
    /// <exception cref="ControlClientException">The daemon is not running, access is denied, or it did not answer in time.</exception>
    public static async Task<ControlResponse> SendAsync(string socketPath, ControlRequest request, TimeSpan timeout,
        CancellationToken cancel = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            await using var connection = await ControlConnection.ConnectAsync(socketPath, timeout, limit.Token).ConfigureAwait(false);
            return await connection.SendAsync(request, timeout, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw ControlClientException.Timeout(timeout);
        }
    }
}
