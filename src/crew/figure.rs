//! A person in 3D, built from a few shared shapes (no model files): a head with a face, hair by
//! style, neck, torso, jointed arms and legs, shoes, and the prop that says their job. Figures
//! breathe, look around, talk with one hand and walk (`crate::crew::animate` turns their
//! joints). Every figure shares the same meshes and, colour by colour, the
//! same materials, so the stage's cameras can draw several of them many times a frame.
//!
//! A figure stands on its feet at its transform's origin and faces −Z (Bevy's forward), so
//! `Transform::looking_to` turns it to face a direction.

use std::collections::HashMap;
use std::f32::consts::FRAC_PI_2;

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

use crate::crew::model::pose::{LEFT, Pose, RIGHT};
use crate::crew::model::{HairStyle, Look, Prop, Rgb};

/// The figure is modelled at this height (metres) and scaled to the look's.
const MODEL_HEIGHT: f32 = 1.75;
/// Hip joints' height, and the body's pivot (metres, at the model height).
const HIP_Y: f32 = 0.90;
/// The centre of the head in the head joint's frame (the joint is at the top of the neck).
const HEAD_CENTRE: Vec3 = Vec3::new(0.0, 0.075, 0.0);
/// The hand's centre in the forearm's frame; props are held here.
const HAND: Vec3 = Vec3::new(0.0, -0.29, 0.0);

/// A person: the root of the figure's entities.
#[derive(Component, Debug, Clone, Copy)]
pub struct Figure {
    /// Where in the idle cycle this figure is (0–1), so neighbours do not breathe as one.
    pub phase: f32,
    /// 0 idle … 1 talking, eased so a gesture does not snap in.
    pub(super) talk: f32,
}

impl Figure {
    /// A figure at `phase` (0–1) in its idle cycle.
    pub fn with_phase(phase: f32) -> Self {
        Self { phase, talk: 0.0 }
    }
}

/// The figure's left hand carries a prop, so that forearm stays up.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct HoldsProp;

/// The pose the figure shows this frame, worked out once and read by all its joints.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct FigurePose(pub Pose);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JointKind {
    /// The upper body, pivoting at the hips.
    Body,
    Head,
    Shoulder(usize),
    Elbow(usize),
    Hip(usize),
}

/// A pivot a pose turns: its figure, which joint, and where it sits when standing.
#[derive(Component, Debug, Clone, Copy)]
pub struct Joint {
    pub figure: Entity,
    pub kind: JointKind,
    pub(super) rest: Vec3,
}

/// The meshes every figure shares, made once, and one material per colour.
#[derive(Resource)]
pub struct FigureParts {
    /// A sphere 1 m across.
    sphere: Handle<Mesh>,
    /// A capsule 1 m across and 3 m tall (limbs are long: their caps stay round when scaled).
    capsule: Handle<Mesh>,
    /// A 1 m cube.
    cube: Handle<Mesh>,
    /// A cylinder 1 m across and 1 m tall, along Y.
    cylinder: Handle<Mesh>,
    /// A thin ring of radius 1 m in the XZ plane.
    ring: Handle<Mesh>,
    dark: Handle<StandardMaterial>,
    shoe: Handle<StandardMaterial>,
    white: Handle<StandardMaterial>,
    board: Handle<StandardMaterial>,
    device: Handle<StandardMaterial>,
    silver: Handle<StandardMaterial>,
    screen: Handle<StandardMaterial>,
    colours: HashMap<[u32; 3], Handle<StandardMaterial>>,
}

impl FigureParts {
    pub fn new(meshes: &mut Assets<Mesh>, materials: &mut Assets<StandardMaterial>) -> Self {
        let mut plain = |c: Color, roughness: f32| {
            materials.add(StandardMaterial {
                base_color: c,
                perceptual_roughness: roughness,
                ..default()
            })
        };
        let dark = plain(Color::srgb(0.06, 0.05, 0.05), 0.5);
        let shoe = plain(Color::srgb(0.12, 0.10, 0.09), 0.7);
        let white = plain(Color::srgb(0.93, 0.93, 0.9), 0.8);
        let board = plain(Color::srgb(0.55, 0.38, 0.2), 0.8);
        let device = plain(Color::srgb(0.16, 0.16, 0.18), 0.4);
        let silver = plain(Color::srgb(0.68, 0.70, 0.74), 0.35);
        let screen = materials.add(StandardMaterial {
            base_color: Color::srgb(0.45, 0.75, 0.95),
            emissive: LinearRgba::rgb(0.6, 1.2, 2.0),
            ..default()
        });
        Self {
            sphere: meshes.add(Sphere::new(0.5).mesh().uv(18, 12)),
            capsule: meshes.add(Capsule3d::new(0.5, 2.0).mesh().longitudes(16).latitudes(8)),
            cube: meshes.add(Cuboid::new(1.0, 1.0, 1.0)),
            cylinder: meshes.add(Cylinder::new(0.5, 1.0).mesh().resolution(16)),
            ring: meshes.add(
                Torus {
                    minor_radius: 0.08,
                    major_radius: 1.0,
                }
                .mesh()
                .minor_resolution(6)
                .major_resolution(32),
            ),
            dark,
            shoe,
            white,
            board,
            device,
            silver,
            screen,
            colours: HashMap::new(),
        }
    }

    /// The material of a colour, shared by every figure that wears it.
    pub fn colour(
        &mut self,
        materials: &mut Assets<StandardMaterial>,
        rgb: Rgb,
    ) -> Handle<StandardMaterial> {
        let key = [rgb.0.to_bits(), rgb.1.to_bits(), rgb.2.to_bits()];
        self.colours
            .entry(key)
            .or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: Color::srgb(rgb.0, rgb.1, rgb.2),
                    perceptual_roughness: 0.8,
                    ..default()
                })
            })
            .clone()
    }
}

impl FromWorld for FigureParts {
    fn from_world(world: &mut World) -> Self {
        world.resource_scope(|world, mut meshes: Mut<Assets<Mesh>>| {
            let mut materials = world.resource_mut::<Assets<StandardMaterial>>();
            FigureParts::new(&mut meshes, &mut materials)
        })
    }
}

/// A look's materials.
struct Colours {
    skin: Handle<StandardMaterial>,
    hair: Handle<StandardMaterial>,
    top: Handle<StandardMaterial>,
    bottom: Handle<StandardMaterial>,
}

/// Spawns a figure's entities under one root, all on the same render layers.
struct Builder<'a, 'w, 's> {
    commands: &'a mut Commands<'w, 's>,
    figure: Entity,
    layers: RenderLayers,
}

impl Builder<'_, '_, '_> {
    fn mesh(
        &mut self,
        parent: Entity,
        mesh: &Handle<Mesh>,
        material: &Handle<StandardMaterial>,
        transform: Transform,
    ) {
        self.commands.spawn((
            Mesh3d(mesh.clone()),
            MeshMaterial3d(material.clone()),
            transform,
            self.layers.clone(),
            ChildOf(parent),
        ));
    }

    fn joint(&mut self, parent: Entity, kind: JointKind, at: Vec3) -> Entity {
        self.commands
            .spawn((
                Joint {
                    figure: self.figure,
                    kind,
                    rest: at,
                },
                Transform::from_translation(at),
                Visibility::default(),
                ChildOf(parent),
            ))
            .id()
    }
}

/// A shape of `size` (metres, whole extents) centred at `at`, for the unit sphere and cube.
fn sized(at: Vec3, size: Vec3) -> Transform {
    Transform::from_translation(at).with_scale(size)
}

/// The unit capsule stretched to `w` × `h` × `d`, centred at `at`.
fn capsule(at: Vec3, w: f32, h: f32, d: f32) -> Transform {
    Transform::from_translation(at).with_scale(Vec3::new(w, h / 3.0, d))
}

/// +1 for the figure's right side (+X), −1 for its left.
pub(super) fn side_sign(side: usize) -> f32 {
    if side == RIGHT { 1.0 } else { -1.0 }
}

/// Does this prop sit in the left hand (rather than on the head)?
fn held(prop: Prop) -> bool {
    matches!(
        prop,
        Prop::Clipboard | Prop::Clapperboard | Prop::Tablet | Prop::Laptop | Prop::Phone
    )
}

/// Spawn a figure dressed in `look`, standing at `transform`; returns its root.
pub fn spawn_figure(
    commands: &mut Commands,
    parts: &mut FigureParts,
    materials: &mut Assets<StandardMaterial>,
    look: &Look,
    transform: Transform,
) -> Entity {
    spawn_figure_on(
        commands,
        parts,
        materials,
        look,
        transform,
        RenderLayers::default(),
    )
}

/// [`spawn_figure`] for a set on its own render layers (the previs set).
pub fn spawn_figure_on(
    commands: &mut Commands,
    parts: &mut FigureParts,
    materials: &mut Assets<StandardMaterial>,
    look: &Look,
    transform: Transform,
    layers: RenderLayers,
) -> Entity {
    let colours = Colours {
        skin: parts.colour(materials, look.skin),
        hair: parts.colour(materials, look.hair),
        top: parts.colour(materials, look.top),
        bottom: parts.colour(materials, look.bottom),
    };
    let root = commands
        .spawn((
            Name::new("Figure"),
            Figure::with_phase(0.0),
            FigurePose(Pose::STANDING),
            transform,
            Visibility::default(),
        ))
        .id();
    if held(look.prop) {
        commands.entity(root).insert(HoldsProp);
    }
    let scale = if look.height.is_finite() && look.height > 0.0 {
        look.height / MODEL_HEIGHT
    } else {
        1.0
    };
    let mut b = Builder {
        commands,
        figure: root,
        layers,
    };
    let scaled = b
        .commands
        .spawn((
            Transform::from_scale(Vec3::splat(scale)),
            Visibility::default(),
            ChildOf(root),
        ))
        .id();
    for side in [LEFT, RIGHT] {
        build_leg(&mut b, parts, &colours, scaled, side);
    }
    let body = b.joint(scaled, JointKind::Body, Vec3::Y * HIP_Y);
    // Trousers up to the waist, the shirt over them, the neck above.
    b.mesh(
        body,
        &parts.sphere,
        &colours.bottom,
        sized(Vec3::new(0.0, 0.03, 0.0), Vec3::new(0.32, 0.2, 0.21)),
    );
    b.mesh(
        body,
        &parts.capsule,
        &colours.top,
        capsule(Vec3::new(0.0, 0.30, 0.0), 0.36, 0.64, 0.22),
    );
    b.mesh(
        body,
        &parts.capsule,
        &colours.skin,
        capsule(Vec3::new(0.0, 0.64, 0.0), 0.09, 0.14, 0.09),
    );
    let head = b.joint(body, JointKind::Head, Vec3::new(0.0, 0.66, 0.0));
    build_head(&mut b, parts, &colours, head, look);
    for side in [LEFT, RIGHT] {
        let forearm = build_arm(&mut b, parts, &colours, body, side);
        if side == LEFT && held(look.prop) {
            build_hand_prop(&mut b, parts, forearm, look.prop);
        }
    }
    root
}

fn build_leg(b: &mut Builder, parts: &FigureParts, c: &Colours, parent: Entity, side: usize) {
    let hip = b.joint(
        parent,
        JointKind::Hip(side),
        Vec3::new(side_sign(side) * 0.095, HIP_Y, 0.0),
    );
    b.mesh(
        hip,
        &parts.capsule,
        &c.bottom,
        capsule(Vec3::new(0.0, -0.42, 0.0), 0.13, 0.86, 0.14),
    );
    // The shoe's sole touches the ground; its toe points forwards.
    b.mesh(
        hip,
        &parts.sphere,
        &parts.shoe,
        sized(Vec3::new(0.0, -0.86, -0.045), Vec3::new(0.11, 0.08, 0.26)),
    );
}

/// An arm: upper arm and forearm in the top's colour, a hand. Returns the forearm's joint.
fn build_arm(
    b: &mut Builder,
    parts: &FigureParts,
    c: &Colours,
    body: Entity,
    side: usize,
) -> Entity {
    let shoulder = b.joint(
        body,
        JointKind::Shoulder(side),
        Vec3::new(side_sign(side) * 0.215, 0.53, 0.0),
    );
    b.mesh(
        shoulder,
        &parts.capsule,
        &c.top,
        capsule(Vec3::new(0.0, -0.13, 0.0), 0.09, 0.31, 0.09),
    );
    let elbow = b.joint(shoulder, JointKind::Elbow(side), Vec3::new(0.0, -0.27, 0.0));
    b.mesh(
        elbow,
        &parts.capsule,
        &c.top,
        capsule(Vec3::new(0.0, -0.12, 0.0), 0.075, 0.28, 0.075),
    );
    b.mesh(
        elbow,
        &parts.sphere,
        &c.skin,
        sized(HAND, Vec3::new(0.05, 0.1, 0.07)),
    );
    elbow
}

/// The head, its face (two eyes, a mouth), the hair and anything worn on the head.
fn build_head(b: &mut Builder, parts: &FigureParts, c: &Colours, head: Entity, look: &Look) {
    b.mesh(
        head,
        &parts.sphere,
        &c.skin,
        sized(HEAD_CENTRE, Vec3::new(0.19, 0.23, 0.21)),
    );
    for x in [-0.038, 0.038] {
        b.mesh(
            head,
            &parts.sphere,
            &parts.dark,
            sized(Vec3::new(x, 0.095, -0.092), Vec3::splat(0.028)),
        );
    }
    b.mesh(
        head,
        &parts.cube,
        &parts.dark,
        sized(Vec3::new(0.0, 0.035, -0.097), Vec3::new(0.05, 0.012, 0.02)),
    );
    // Hair is a shell over the top and back of the head, leaving the face clear.
    let shell = sized(Vec3::new(0.0, 0.115, 0.018), Vec3::new(0.205, 0.2, 0.225));
    match look.hair_style {
        HairStyle::Bald => {}
        HairStyle::Short => b.mesh(head, &parts.sphere, &c.hair, shell),
        HairStyle::Long => {
            b.mesh(head, &parts.sphere, &c.hair, shell);
            b.mesh(
                head,
                &parts.cube,
                &c.hair,
                sized(Vec3::new(0.0, -0.02, 0.095), Vec3::new(0.19, 0.28, 0.05)),
            );
        }
        HairStyle::Bun => {
            b.mesh(head, &parts.sphere, &c.hair, shell);
            b.mesh(
                head,
                &parts.sphere,
                &c.hair,
                sized(Vec3::new(0.0, 0.2, 0.085), Vec3::splat(0.11)),
            );
        }
        HairStyle::Cap => {
            b.mesh(
                head,
                &parts.sphere,
                &c.top,
                sized(Vec3::new(0.0, 0.155, 0.01), Vec3::new(0.21, 0.14, 0.225)),
            );
            b.mesh(
                head,
                &parts.cube,
                &c.top,
                sized(Vec3::new(0.0, 0.15, -0.135), Vec3::new(0.17, 0.012, 0.11)),
            );
        }
    }
    if matches!(look.prop, Prop::Headset | Prop::Headphones) {
        build_head_prop(b, parts, head, look.prop);
    }
}

/// Headphones: a band over the head and a cup on each ear. A headset has smaller cups and a
/// microphone on a boom to the mouth.
fn build_head_prop(b: &mut Builder, parts: &FigureParts, head: Entity, prop: Prop) {
    b.mesh(
        head,
        &parts.ring,
        &parts.device,
        Transform::from_translation(HEAD_CENTRE + Vec3::Y * 0.03)
            .with_rotation(Quat::from_rotation_x(FRAC_PI_2))
            .with_scale(Vec3::splat(0.12)),
    );
    let (across, thick) = if prop == Prop::Headphones {
        (0.095, 0.05)
    } else {
        (0.065, 0.035)
    };
    for x in [-0.11, 0.11] {
        b.mesh(
            head,
            &parts.cylinder,
            &parts.device,
            Transform::from_translation(HEAD_CENTRE + Vec3::X * x)
                .with_rotation(Quat::from_rotation_z(FRAC_PI_2))
                .with_scale(Vec3::new(across, thick, across)),
        );
    }
    if prop == Prop::Headset {
        let from = Vec3::new(-0.11, 0.06, 0.0);
        let to = Vec3::new(-0.035, 0.035, -0.105);
        let boom = to - from;
        b.mesh(
            head,
            &parts.cube,
            &parts.device,
            Transform::from_translation((from + to) / 2.0)
                .with_rotation(Quat::from_rotation_arc(Vec3::Z, boom.normalize()))
                .with_scale(Vec3::new(0.014, 0.014, boom.length())),
        );
    }
}

/// A flat thing carried on the left forearm, in its frame: `along` from the elbow (the
/// forearm runs along −Y, forwards when held up), `above` it (−Z is up then), tilted back by
/// `tilt` so its top faces the holder; `size` is width × length × thickness.
fn carried(along: f32, above: f32, tilt: f32, size: Vec3) -> Transform {
    Transform::from_xyz(0.0, -along, -above)
        .with_rotation(Quat::from_rotation_x(tilt))
        .with_scale(size)
}

/// A thinner slab lying on the top face of `base` (a screen on a tablet, paper on a board).
fn on_top(base: Transform, size: Vec3) -> Transform {
    let lift = base.scale.z / 2.0 + size.z / 2.0;
    Transform {
        translation: base.translation + base.rotation * Vec3::new(0.0, 0.0, -lift),
        rotation: base.rotation,
        scale: size,
    }
}

/// The prop in the left hand, as children of the left forearm.
fn build_hand_prop(b: &mut Builder, parts: &FigureParts, forearm: Entity, prop: Prop) {
    match prop {
        Prop::Clipboard => {
            let board = carried(0.26, 0.055, 0.45, Vec3::new(0.22, 0.30, 0.012));
            b.mesh(forearm, &parts.cube, &parts.board, board);
            let paper = on_top(board, Vec3::new(0.19, 0.25, 0.004));
            b.mesh(forearm, &parts.cube, &parts.white, paper);
        }
        Prop::Tablet => {
            let slab = carried(0.27, 0.05, 0.5, Vec3::new(0.19, 0.26, 0.012));
            b.mesh(forearm, &parts.cube, &parts.device, slab);
            let glass = on_top(slab, Vec3::new(0.17, 0.23, 0.003));
            b.mesh(forearm, &parts.cube, &parts.screen, glass);
        }
        Prop::Laptop => {
            let base = carried(0.22, 0.05, 0.1, Vec3::new(0.32, 0.22, 0.018));
            b.mesh(forearm, &parts.cube, &parts.silver, base);
            // The lid stands up from the far edge, its screen toward the holder.
            let hinge = base.translation + base.rotation * Vec3::new(0.0, -0.11, 0.0);
            let open = base.rotation * Quat::from_rotation_x(1.4);
            let lid = Transform {
                translation: hinge + open * Vec3::new(0.0, -0.1, 0.0),
                rotation: open,
                scale: Vec3::new(0.32, 0.2, 0.012),
            };
            b.mesh(forearm, &parts.cube, &parts.silver, lid);
        }
        Prop::Phone => {
            b.mesh(
                forearm,
                &parts.cube,
                &parts.device,
                sized(
                    HAND + Vec3::new(0.0, -0.03, -0.07),
                    Vec3::new(0.07, 0.01, 0.14),
                ),
            );
        }
        Prop::Clapperboard => build_clapperboard(b, parts, forearm),
        Prop::None | Prop::Headset | Prop::Headphones => {}
    }
}

/// A slate held up by its lower edge, facing forwards: a black board under a white clapper
/// stick with black diagonal stripes.
fn build_clapperboard(b: &mut Builder, parts: &FigureParts, forearm: Entity) {
    let at = HAND + Vec3::new(0.0, -0.03, 0.0);
    b.mesh(
        forearm,
        &parts.cube,
        &parts.dark,
        sized(at + Vec3::new(0.0, 0.0, -0.11), Vec3::new(0.26, 0.02, 0.18)),
    );
    let stick = at + Vec3::new(0.0, 0.0, -0.225);
    b.mesh(
        forearm,
        &parts.cube,
        &parts.white,
        sized(stick, Vec3::new(0.26, 0.024, 0.04)),
    );
    for x in [-0.075, 0.0, 0.075] {
        b.mesh(
            forearm,
            &parts.cube,
            &parts.dark,
            Transform::from_translation(stick + Vec3::X * x)
                .with_rotation(Quat::from_rotation_y(0.6))
                .with_scale(Vec3::new(0.028, 0.03, 0.044)),
        );
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FigureParts>();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_in_hand_are_the_carried_ones() {
        assert!(held(Prop::Clipboard) && held(Prop::Phone));
        assert!(!held(Prop::Headset) && !held(Prop::None));
    }
}
