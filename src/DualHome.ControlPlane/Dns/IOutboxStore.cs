namespace DualHome.ControlPlane.Dns;

/// <summary>Where a zone's undelivered plan survives a restart (a small file under State.Directory, written
/// atomically). Null when nothing is pending.</summary>
public interface IOutboxStore
{
    string? Load();
    void Save(string? content);
}
