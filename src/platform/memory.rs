//! How much memory the game holds: the resident-set size, for the soak's report. Only Linux
//! says it in a file (`/proc/self/status`); elsewhere, and in a browser, it is unknown.

/// The resident-set size of this process in bytes, or `None` where the platform does not
/// tell.
pub fn resident_bytes() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        vm_rss_bytes(&status)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// The `VmRSS:` line of a `/proc/<pid>/status` text, in bytes (the kernel writes kB).
fn vm_rss_bytes(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?;
    let kib: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vm_rss_line_is_read_in_bytes() {
        let status = "Name:\tbacklot\nVmPeak:\t  900 kB\nVmRSS:\t  123456 kB\nThreads:\t4\n";
        assert_eq!(vm_rss_bytes(status), Some(123_456 * 1024));
        assert_eq!(vm_rss_bytes("Name:\tx\n"), None);
        assert_eq!(vm_rss_bytes("VmRSS:\tlots\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_reports_a_plausible_resident_size() {
        let bytes = resident_bytes().expect("Linux has /proc/self/status");
        // More than a megabyte (the test binary alone is larger), less than a terabyte.
        assert!(bytes > 1 << 20 && bytes < 1 << 40, "{bytes}");
    }
}
