using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Received messages: checks of §16, Advertise selection (§18.2.9), Reply handling (§18.2.10),
/// Reconfigure refusal (§18.2.11).</summary>
public sealed partial class Dhcpv6Client
{
    private Dhcpv6ReceiveResult Receive(ReadOnlySpan<byte> bytes)
    {
        Dhcpv6ReadResult read = Dhcpv6MessageReader.TryRead(bytes, out Dhcpv6Message? message, out Dhcpv6OptionFault fault);
        if (read != Dhcpv6ReadResult.Ok)
            return Drop(Dhcpv6ReceiveResult.Malformed, bytes.IsEmpty ? "empty" : $"type {bytes[0]}", read.ToStableName());
        if (fault != Dhcpv6OptionFault.None)
        {
            Counters.CountIgnoredPart();
            Dhcpv6Log.IgnoredOption(_log, _options.Uplink, message!.Type, fault.ToStableName());
        }
        return message!.Type switch
        {
            Dhcpv6MessageType.Advertise or Dhcpv6MessageType.Reply => ReceiveAnswer(message),
            Dhcpv6MessageType.Reconfigure => RefuseReconfigure(message),
            _ => Drop(Dhcpv6ReceiveResult.UnexpectedType, message),
        };
    }

    /// <summary>§16.3 (Advertise) and §16.10 (Reply): discard unless the transaction-id matches, a Server Identifier
    /// is present, and the Client Identifier is ours.</summary>
    private Dhcpv6ReceiveResult ReceiveAnswer(Dhcpv6Message message)
    {
        if (_exchange is null || message.TransactionId != _exchange.TransactionId)
            return Drop(Dhcpv6ReceiveResult.WrongTransaction, message);
        if (message.ServerId is null)
            return Drop(Dhcpv6ReceiveResult.MissingServerId, message);
        if (!_identity.Duid.Equals(message.ClientId))
            return Drop(Dhcpv6ReceiveResult.NotForUs, message);
        NoteSolMaxRt(message);
        if (message.Type == Dhcpv6MessageType.Advertise)
            return State == Dhcpv6ClientState.Soliciting ? OnAdvertise(message) : Drop(Dhcpv6ReceiveResult.NotExpected, message);
        return OnReply(message);
    }

    /// <summary>§18.2.9, §18.2.10: the client "MUST process an included SOL_MAX_RT option" (range checked by the reader).</summary>
    private void NoteSolMaxRt(Dhcpv6Message message)
    {
        if (message.SolMaxRt is not { } seconds || TimeSpan.FromSeconds(seconds) == _solMaxRt)
            return;
        _solMaxRt = TimeSpan.FromSeconds(seconds);
        Dhcpv6Log.SolMaxRtChanged(_log, _options.Uplink, seconds);
        if (_exchange?.Type == Dhcpv6MessageType.Solicit)
            _exchange.Timer.ChangeMaxRt(_solMaxRt);
    }

    /// <summary>§18.2.9: ignore an Advertise without prefixes; otherwise keep the one with the highest preference
    /// (the first among equals). Preference 255 is requested at once (§18.2.1), and so is any Advertise arriving after
    /// the first RT: "the client ... acts on the received Advertise message without waiting for any additional".</summary>
    private Dhcpv6ReceiveResult OnAdvertise(Dhcpv6Message message)
    {
        IaPd? ia = message.FindIaPd(_identity.Iaid);
        var prefixes = ia is null || ia.Status is { IsSuccess: false } ? [] : Granted(ia);
        if (prefixes.Count == 0)
            return Drop(Dhcpv6ReceiveResult.NoUsablePrefix, message, StatusText(ia?.Status ?? message.Status));
        var offer = new Offer(message.ServerId!, message.Preference ?? 0, prefixes);
        if (_offer is null || offer.Preference > _offer.Preference)
            _offer = offer;
        if (offer.Preference == Offer.Immediate)
            ChooseOffer("preference 255");
        else if (_exchange!.FirstRtEndsAt <= _clock.Now)
            ChooseOffer("first Advertise after the first RT");
        return Accept();
    }

    private static List<IaPrefix> Granted(IaPd ia) =>
        [.. ia.Prefixes.Where(p => p.ValidLifetime > 0 && p.Status is null or { IsSuccess: true })];

    private void ChooseOffer(string why)
    {
        Offer offer = _offer!;
        Dhcpv6Log.ServerChosen(_log, _options.Uplink, offer.Server, offer.Preference, offer.Describe());
        Transition(Dhcpv6ClientState.Requesting, $"{why}: requesting {offer.Describe()} from {offer.Server}");
    }

    private Dhcpv6ReceiveResult OnReply(Dhcpv6Message message)
    {
        if (State == Dhcpv6ClientState.Releasing)
        {
            // §18.2.10.2: the Release is complete "regardless of the Status Code option(s) returned by the server".
            Transition(Dhcpv6ClientState.Idle, "Release answered");
            return Accept();
        }
        if (message.Status is { Code: Dhcpv6StatusCode.UnspecFail or Dhcpv6StatusCode.UseMulticast } status)
        {
            // §18.2.10: retry at a limited rate; the exchange's own backoff is that limit. We always multicast.
            Dhcpv6Log.ServerStatus(_log, _options.Uplink, status.Code, status.Message, State);
            return Drop(Dhcpv6ReceiveResult.ServerFailure, message, StatusText(status));
        }
        if (State == Dhcpv6ClientState.Soliciting && !(_options.RapidCommit && message.RapidCommit))
            return Drop(Dhcpv6ReceiveResult.NotExpected, message, "Reply to Solicit without Rapid Commit"); // §18.2.1
        bool request = State is Dhcpv6ClientState.Soliciting or Dhcpv6ClientState.Requesting;
        return OnBindingReply(message, request);
    }

    /// <summary>§18.2.10.1, a Reply to Request (or Solicit with Rapid Commit), Renew or Rebind.</summary>
    private Dhcpv6ReceiveResult OnBindingReply(Dhcpv6Message message, bool request)
    {
        IaPd? ia = message.FindIaPd(_identity.Iaid);
        if (ia is null) // §18.2.10.1: the server left our IA out; retry at the normal (rate-limited) pace
            return Drop(Dhcpv6ReceiveResult.NoUsablePrefix, message, "no IA_PD for our IAID");
        if (ia.Status is { IsSuccess: false } status)
            return OnIaStatus(message, status, request);
        if (request && Granted(ia).Count == 0)
            return Restart(message, "the Reply to Request holds no prefix");
        _binding ??= new Binding(message.ServerId!);
        IReadOnlyList<System.Net.IPNetwork> granted = _binding.Apply(ia, message.ServerId!, Now());
        if (_binding.IsEmpty)
        {
            _binding = null;
            UpdateDelegation("server withdrew every prefix (valid lifetime 0)");
            Transition(Dhcpv6ClientState.Soliciting, "server withdrew every prefix");
            return Accept();
        }
        UpdateDelegation($"Reply to {_exchange!.Type}", granted);
        Transition(Dhcpv6ClientState.Bound, $"Reply to {_exchange.Type} from {message.ServerId}");
        return Accept();
    }

    /// <summary>§18.2.10.1: NoBinding to Renew/Rebind → Request to the server that answered, keeping the leases until
    /// they expire; NoPrefixAvail (or any error) to Request → back to Solicit (issue 8: keep soliciting). Any other
    /// IA status to Renew/Rebind changes nothing: the exchange goes on and the leases run their course.</summary>
    private Dhcpv6ReceiveResult OnIaStatus(Dhcpv6Message message, Dhcpv6Status status, bool request)
    {
        Dhcpv6Log.ServerStatus(_log, _options.Uplink, status.Code, status.Message, State);
        if (request)
            return Restart(message, $"server answered {status.Code}");
        if (status.Code != Dhcpv6StatusCode.NoBinding)
            return Drop(Dhcpv6ReceiveResult.NoUsablePrefix, message, StatusText(status));
        _offer = new Offer(message.ServerId!, 0, _exchange!.Prefixes);
        Transition(Dhcpv6ClientState.Requesting, $"{message.ServerId} has no binding (NoBinding) for our {_exchange.Type}");
        return Accept();
    }

    private Dhcpv6ReceiveResult Restart(Dhcpv6Message message, string why)
    {
        Transition(Dhcpv6ClientState.Soliciting, $"{why} ({message.ServerId})");
        return Accept();
    }

    /// <summary>§18.2.11: a client that did not send Reconfigure Accept discards every Reconfigure, and §20.4 needs a
    /// reconfigure key (which only a Reply to a Reconfigure-Accepting client carries) to authenticate one. DualHome
    /// sends no Reconfigure Accept, so each is refused and counted; the log says whether it was even authenticated.</summary>
    private Dhcpv6ReceiveResult RefuseReconfigure(Dhcpv6Message message)
    {
        long count = Counters.CountReconfigureRefused();
        Counters.CountReceived(Dhcpv6ReceiveResult.ReconfigureRefused);
        if (IsPowerOfTwo(count))
        {
            string why = message.Authentication is { Protocol: Dhcpv6Authentication.ReconfigureKeyProtocol }
                ? "we never sent Reconfigure Accept and hold no reconfigure key to check it with"
                : "not authenticated (no reconfigure-key Authentication option)";
            Dhcpv6Log.ReconfigureRefused(_log, _options.Uplink, message.ServerId?.ToString() ?? "(none)", why, count);
        }
        return Dhcpv6ReceiveResult.ReconfigureRefused;
    }

    private static string StatusText(Dhcpv6Status? status) =>
        status is null ? "" : $"{status.Code} \"{status.Message}\"";

    private Dhcpv6ReceiveResult Accept()
    {
        Counters.CountReceived(Dhcpv6ReceiveResult.Accepted);
        return Dhcpv6ReceiveResult.Accepted;
    }

    private Dhcpv6ReceiveResult Drop(Dhcpv6ReceiveResult result, Dhcpv6Message message, string detail = "") =>
        Drop(result, message.Type.ToString(), detail);

    private Dhcpv6ReceiveResult Drop(Dhcpv6ReceiveResult result, string type, string detail)
    {
        long count = Counters.CountReceived(result);
        if (IsPowerOfTwo(count))
            Dhcpv6Log.Dropped(_log, _options.Uplink, type, result, detail, count);
        return result;
    }
}
