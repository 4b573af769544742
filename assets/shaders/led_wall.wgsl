// The LED wall of the virtual-production stage.
//
// Every fragment belongs to one LED pixel. With quantisation on, the fragment takes the colour
// of its pixel's centre: the centre's world position is found by moving along the flat panel
// column by the UV offset. That point is projected into the inner-frustum camera (the tracked
// cinema camera's view, with overscan); inside it, the wall shows the inner picture, elsewhere
// the outer-frustum picture of its wall segment. Up close, the dark gaps between diodes show.

#import bevy_pbr::forward_io::VertexOutput

struct LedWallParams {
    inner_clip_from_world: mat4x4<f32>,
    outer_clip_from_world: array<mat4x4<f32>, 6>,
    // x: pixels across, y: pixels up, z: quantise (0/1), w: outer segments
    grid: vec4<f32>,
    // x: wall width along the arc (m), y: wall height (m), z: diode gap, w: moire strength
    wall: vec4<f32>,
    // rgb: the flat colour of a mask capture, w: 1 to draw it
    mask: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> params: LedWallParams;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var inner_texture: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var inner_sampler: sampler;
@group(#{MATERIAL_BIND_GROUP}) @binding(3) var outer_texture: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(4) var outer_sampler: sampler;

// Image coordinates (0..1, v down) of a world point, and whether it is inside the picture.
fn project(clip_from_world: mat4x4<f32>, p: vec3<f32>) -> vec3<f32> {
    let clip = clip_from_world * vec4<f32>(p, 1.0);
    if clip.w <= 0.0 {
        return vec3<f32>(0.0, 0.0, 0.0);
    }
    let ndc = clip.xy / clip.w;
    let uv = vec2<f32>(ndc.x * 0.5 + 0.5, 0.5 - ndc.y * 0.5);
    let inside = all(uv >= vec2<f32>(0.0)) && all(uv <= vec2<f32>(1.0));
    return vec3<f32>(uv, select(0.0, 1.0, inside));
}

@fragment
fn fragment(in: VertexOutput) -> @location(0) vec4<f32> {
    if params.mask.w > 0.5 {
        return vec4<f32>(params.mask.rgb, 1.0);
    }
    let grid = params.grid.xy;
    let cell = in.uv * grid;
    // How many screen pixels one LED covers: decides whether diode gaps are visible.
    let led_per_screen_px = max(length(fwidth(cell)), 1e-6);

    var p = in.world_position.xyz;
    if params.grid.z > 0.5 {
        let centre_uv = (floor(cell) + vec2<f32>(0.5)) / grid;
        // Within a flat column the wall is affine in UV: u runs along the column's chord
        // (right as seen from the stage centre), v straight up.
        let n = normalize(in.world_normal);
        let right = normalize(cross(-n, vec3<f32>(0.0, 1.0, 0.0)));
        let dp_du = right * params.wall.x;
        let dp_dv = vec3<f32>(0.0, params.wall.y, 0.0);
        let d = centre_uv - in.uv;
        p = p + dp_du * d.x + dp_dv * d.y;
    }

    var colour = vec3<f32>(0.0);
    let inner = project(params.inner_clip_from_world, p);
    if inner.z > 0.5 {
        colour = textureSampleLevel(inner_texture, inner_sampler, inner.xy, 0.0).rgb;
    } else {
        let segments = params.grid.w;
        let segment = u32(clamp(floor(in.uv.x * segments), 0.0, segments - 1.0));
        let outer = project(params.outer_clip_from_world[segment], p);
        let atlas_uv = vec2<f32>((f32(segment) + clamp(outer.x, 0.0, 1.0)) / segments, clamp(outer.y, 0.0, 1.0));
        colour = textureSampleLevel(outer_texture, outer_sampler, atlas_uv, 0.0).rgb;
    }

    // Diode structure: each LED lights a square smaller than its cell. Seen from far away the
    // cell averages out (the gaps fade so overall brightness is kept); up close the gaps show.
    let f = abs(fract(cell) - vec2<f32>(0.5));
    let edge = max(f.x, f.y);
    let lit = 1.0 - smoothstep(0.5 - params.wall.z, 0.5 - params.wall.z + 0.08, edge);
    let show = smoothstep(0.6, 0.2, led_per_screen_px);
    let fill = 1.0 - params.wall.z * 1.6;
    let diode = mix(1.0, lit / max(fill, 0.2), show);
    // Moire: when the lens is focused on a wall whose LEDs land on fewer than ~4 photosites,
    // the sensor samples the diode grid too coarsely and a false pattern appears. Shown by
    // sampling the grid once per screen pixel, without filtering: that aliasing is real.
    var moire = 1.0;
    if params.wall.w > 0.0 {
        let grid_sample = 0.5 + 0.5 * cos(6.2831853 * cell.x) * cos(6.2831853 * cell.y);
        moire = 1.0 - 0.45 * params.wall.w * grid_sample;
    }
    return vec4<f32>(colour * diode * moire, 1.0);
}
