namespace DualHome.Control;

/// <summary>
/// What the daemon does with a control request. Called concurrently for different clients, one request
/// at a time per client. An exception becomes a <see cref="ControlStatus.Refused"/> answer carrying its message.
/// </summary>
public interface IControlHandler
{
    /// <param name="cancel">Cancelled when the server stops and its drain time has run out.</param>
    Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancel);
}
