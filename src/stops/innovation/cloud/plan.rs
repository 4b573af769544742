//! The player's plan for the day's footage: which camera, proxies or not, which links, and
//! whether to stream while shooting or ship drives.

use serde::{Deserialize, Serialize};

use super::spec::CloudSpec;

/// The choices the player makes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Plan {
    /// Index into [`CloudSpec::cameras`].
    pub camera: usize,
    /// Send footage while the camera rolls, instead of starting at wrap.
    pub upload_while_shooting: bool,
    /// Make proxies on set and send them to everyone for whom they are enough.
    pub proxies: bool,
    /// Index into [`CloudSpec::links`]: the studio's uplink, shared by every download.
    pub uplink: usize,
    /// For each site (same order as [`CloudSpec::sites`]), an index into
    /// [`CloudSpec::links`]: that site's own downlink. The studio's entry is not used.
    pub per_site_link: Vec<usize>,
    /// Ship drives by courier instead of using the network.
    pub ship_drives: bool,
}

impl Plan {
    /// The plan the stop opens with: the first camera and the first link everywhere, full
    /// resolution, shipping drives, the way footage travelled before the cloud.
    pub fn default_for(spec: &CloudSpec) -> Self {
        Self {
            camera: 0,
            upload_while_shooting: false,
            proxies: false,
            uplink: 0,
            per_site_link: vec![0; spec.sites.len()],
            ship_drives: true,
        }
    }

    /// Rejects indices that point nowhere in `spec`.
    pub fn check(&self, spec: &CloudSpec) -> Result<(), String> {
        if self.camera >= spec.cameras.len() {
            return Err(format!(
                "camera {} does not exist ({} cameras)",
                self.camera,
                spec.cameras.len()
            ));
        }
        if self.uplink >= spec.links.len() {
            return Err(format!(
                "uplink {} does not exist ({} links)",
                self.uplink,
                spec.links.len()
            ));
        }
        if self.per_site_link.len() != spec.sites.len() {
            return Err(format!(
                "per_site_link has {} entries; there are {} sites",
                self.per_site_link.len(),
                spec.sites.len()
            ));
        }
        if let Some((i, l)) = self
            .per_site_link
            .iter()
            .enumerate()
            .find(|(_, l)| **l >= spec.links.len())
        {
            return Err(format!(
                "per_site_link[{i}] = {l} does not exist ({} links)",
                spec.links.len()
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::innovation::cloud::simulate;
    use crate::stops::innovation::cloud::test_support::toy;

    #[test]
    fn plans_with_missing_indices_are_errors() {
        let spec = toy();
        let mut plan = Plan::default_for(&spec);
        assert!(plan.check(&spec).is_ok());
        plan.camera = 7;
        assert!(simulate(&spec, &plan).is_err());
        let mut plan = Plan::default_for(&spec);
        plan.per_site_link.pop();
        assert!(simulate(&spec, &plan).is_err());
        let mut plan = Plan::default_for(&spec);
        plan.uplink = 3;
        assert!(simulate(&spec, &plan).is_err());
    }
}
