//! The teacher code dialog: shown when a teacher key is pressed while the lock is shut. The
//! first time it asks the teacher to choose a code (typed twice); after that, for the code.
//! It only sends `TeacherLockCommand`s; `lock` decides.

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::classroom::teacher_lock::lock::{TeacherLock, TeacherLockCommand};
use crate::classroom::teacher_lock::model::MIN_CODE_CHARS;
use crate::tour::input::swallow_typing;
use crate::ui::theme::{AllowWidgetFocus, UiSettings, UiSystems, color};
use crate::ui::widgets::{content_area, keep_keyboard_in, primary_button};

/// What is typed in the dialog's boxes; emptied as soon as it is sent or the dialog closes.
#[derive(Resource, Debug, Default)]
struct CodeDialog {
    code: String,
    repeat: String,
    was_open: bool,
    /// Put the keyboard in the first box: on opening, and after a refused code.
    focus_first: bool,
}

impl CodeDialog {
    fn clear(&mut self) {
        self.code.clear();
        self.repeat.clear();
        self.focus_first = true;
    }
}

/// What the dialog's boxes and buttons asked for this frame.
#[derive(Default)]
struct DialogAction {
    submit: bool,
    cancel: bool,
}

fn code_dialog_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    lock: Res<TeacherLock>,
    mut dialog: ResMut<CodeDialog>,
    mut out: MessageWriter<TeacherLockCommand>,
    mut allow_focus: ResMut<AllowWidgetFocus>,
) -> Result {
    if !lock.asking {
        if dialog.was_open {
            dialog.clear();
            dialog.was_open = false;
        }
        return Ok(());
    }
    allow_focus.0 = true;
    if !dialog.was_open {
        dialog.was_open = true;
        dialog.focus_first = true;
    }
    let choosing = !lock.has_code();
    let ctx = contexts.ctx_mut()?;
    let p = settings.colors();
    let title = if choosing {
        "Choose a teacher code"
    } else {
        "Teacher code"
    };
    let mut action = DialogAction::default();
    let shown = egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .constrain_to(content_area(ctx))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            if choosing {
                ui.label(format!(
                    "Presenter mode (reveal answers, skip gates, pause, class polls) is for the \
                     teacher. Choose a code of at least {MIN_CODE_CHARS} characters and type it \
                     twice. It is asked for on this computer from now on, by every student \
                     profile; only a salted hash of it is kept."
                ));
            } else {
                ui.label("Enter the teacher code to use presenter mode until the game closes.");
            }
            ui.add_space(8.0);
            code_boxes(ui, &mut dialog, choosing, &mut action);
            if let Some(message) = &lock.message {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(format!("⚠ {message}")).color(color(p.warning)));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let label = if choosing {
                    "Save the code and unlock"
                } else {
                    "Unlock"
                };
                action.submit |= primary_button(ui, &p, label).clicked();
                action.cancel |= ui.button("Cancel (Esc)").clicked();
            });
        });
    if let Some(shown) = &shown {
        keep_keyboard_in(ctx, shown.response.layer_id);
    }
    action.cancel |= ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if action.cancel {
        out.write(TeacherLockCommand::Cancel);
        dialog.clear();
    } else if action.submit {
        out.write(if choosing {
            TeacherLockCommand::Choose {
                code: dialog.code.clone(),
                repeat: dialog.repeat.clone(),
            }
        } else {
            TeacherLockCommand::Unlock(dialog.code.clone())
        });
        dialog.clear();
    }
    Ok(())
}

/// The hidden code box (and, when choosing, the box to type it again). Enter in the first box
/// moves to the second when there is one, else submits.
fn code_boxes(
    ui: &mut egui::Ui,
    dialog: &mut CodeDialog,
    choosing: bool,
    action: &mut DialogAction,
) {
    let enter = |ui: &egui::Ui, r: &egui::Response| {
        r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
    };
    let first = ui.add(
        egui::TextEdit::singleline(&mut dialog.code)
            .password(true)
            .hint_text("teacher code")
            .desired_width(320.0),
    );
    if std::mem::take(&mut dialog.focus_first) {
        first.request_focus();
    }
    let first_enter = enter(ui, &first);
    if !choosing {
        action.submit |= first_enter;
        return;
    }
    let second = ui.add(
        egui::TextEdit::singleline(&mut dialog.repeat)
            .password(true)
            .hint_text("the same code again")
            .desired_width(320.0),
    );
    if first_enter {
        second.request_focus();
    }
    action.submit |= enter(ui, &second);
}

/// While the dialog is up the keyboard is its own: no key reaches the screen underneath (a
/// letter typed into the code must not also answer the gate). Modifiers are kept, as
/// bevy_egui's own input absorber does.
fn swallow_keys(mut keys: ResMut<ButtonInput<KeyCode>>, lock: Res<TeacherLock>) {
    if !lock.asking {
        return;
    }
    swallow_typing(&mut keys);
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CodeDialog>()
        .add_systems(
            PreUpdate,
            swallow_keys
                .after(InputSystems)
                .after(crate::ui::remap::RemapSystems),
        )
        .add_systems(
            EguiPrimaryContextPass,
            code_dialog_ui.in_set(UiSystems::Overlays),
        );
}
