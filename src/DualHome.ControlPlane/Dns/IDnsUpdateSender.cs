namespace DualHome.ControlPlane.Dns;

/// <summary>Sends one plan as a signed UPDATE and reads the verified answer (the daemon: UDP from a working prefix).</summary>
public interface IDnsUpdateSender
{
    Task<DnsSendResult> SendAsync(DnsPlan plan, CancellationToken cancel);
}

/// <summary>Delivered (NOERROR with a valid TSIG), or why not; <see cref="Retry"/> false for what a retry cannot fix
/// (the server refuses the key or the zone) — those are logged and retried only slowly.</summary>
public sealed record DnsSendResult(bool Delivered, bool Retry, string Detail)
{
    public static DnsSendResult Ok(string detail = "NOERROR") => new(true, false, detail);
    public static DnsSendResult Failed(string detail, bool retry = true) => new(false, retry, detail);
}
