/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-window-private.h: shared by the window's files, one per concern:
 * cg-window.c (the stages and their navigation, undo, help) and
 * cg-window-files.c, -export.c, -projector.c, -room.c and -rounds.c, each
 * installing its own actions from a _cg_window_class_init_<concern>(). */
#pragma once

#include "cg-timer-button.h"
#include "cg-autosave.h"
#include "cg-room-popover.h"
#include "cg-window.h"

G_BEGIN_DECLS

struct _CgWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *content_box;
  GtkListBox *stage_list;
  GtkStack *stack;
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  AdwButtonContent *back_content;
  GtkLabel *next_label;
  CgTimerButton *timer_button;
  GtkWidget *private_banner;
  GtkLabel *private_banner_label;
  GMenu *recent_submenu;
  GtkMenuButton *room_button;
  GtkLabel *room_button_label;
  CgRoomPopover *room_popover;

  /* Owned */
  CgSession *session;
  /* The session whose undo is fenced for a private entry (a reference). */
  CgSession *fenced_session;
  GCancellable *cancellable;
  guint marks_source;
  guint current_item;      /* "current-item" */
  GtkWindow *presentation; /* weak */
  CgAutosave *autosave;
  CgRoom *room; /* the session's room: cg-window-room.c */

  /* Borrowed: children of stack and stage_list */
  GtkWidget *slots[CG_N_STAGES]; /* the stack's children, each an AdwBin */
  GtkWidget *pages[CG_N_STAGES]; /* made when first needed: ensure_page() */
  GtkWidget *rows[CG_N_STAGES];
  GtkWidget *row_checks[CG_N_STAGES];
  GtkLabel *row_status[CG_N_STAGES];
  GtkWidget *capture_bars[CG_N_STAGES]; /* the page's CgCaptureBar, or NULL */

  GSignalGroup *session_signals; /* "changed" and the state notifications */

  /* Saving */
  guint saving : 1;
  guint close_after_save : 1;
  guint close_confirmed : 1;
};

/* cg-window-files.c: its part of class_init, init and dispose */
void _cg_window_class_init_files (GtkWidgetClass *widget_class);
void _cg_window_init_files (CgWindow *self);
void _cg_window_dispose_files (CgWindow *self);
void _cg_window_update_title (CgWindow *self);
void _cg_window_new_session (CgWindow *self);
void _cg_window_open (CgWindow *self);
void _cg_window_save (CgWindow *self);
void _cg_window_save_as (CgWindow *self);
void _cg_window_confirm_close (CgWindow *self);
/* cg-window-projector.c: presentation, fullscreen, zoom, preferences and
 * the window's remembered size */
void _cg_window_class_init_projector (GtkWidgetClass *widget_class);
void _cg_window_projector_init (CgWindow *self);
void _cg_window_projector_dispose (CgWindow *self);
void _cg_window_projector_save_state (CgWindow *self);
/* After construction: GtkWindow's construct-time "maximized" would undo
 * a maximize done in init. */
void _cg_window_projector_restore_state (CgWindow *self);
/* cg-window-rounds.c: File › New Round… (win.new-round) */
void _cg_window_class_init_rounds (GtkWidgetClass *widget_class);
/* cg-window-room.c: the room, partners answering from their phones */
void _cg_window_class_init_room (GtkWidgetClass *widget_class);
void _cg_window_room_init (CgWindow *self);
void _cg_window_room_dispose (CgWindow *self);
void _cg_window_room_set_session (CgWindow *self, CgSession *session);
/* cg-window-export.c: Print Charter, Export Charter and Report as PDF */
void _cg_window_class_init_export (GtkWidgetClass *widget_class);

G_END_DECLS
