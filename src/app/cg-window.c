/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-aims-page.h"
#include "cg-capture-bar.h"
#include "cg-lesson-page.h"
#include "cg-charter-page.h"
#include "cg-about.h"
#include "cg-partners-page.h"
#include "cg-roles-page.h"
#include "cg-review-page.h"
#include "cg-session-page.h"
#include "cg-since-section.h"
#include "cg-stage-page.h"
#include "cg-capture-grid.h"
#include "cg-grid-cell.h"
#include "cg-window-private.h"

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  PROP_PRIVATE_PARTNER,
  PROP_CURRENT_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every stage's page is a CgStagePage: the window hands it the session
 * through that interface and knows nothing else of it. */
static GtkWidget *
create_stage_page (CgStage stage)
{
  if (CG_STAGE_IS_LESSON (stage))
    return cg_lesson_page_new (CG_LESSON_FOR_STAGE (stage));

  switch (stage)
    {
    case CG_STAGE_SESSION: return cg_session_page_new ();
    case CG_STAGE_PARTNERS: return cg_partners_page_new ();
    case CG_STAGE_AIMS: return cg_aims_page_new ();
    case CG_STAGE_ROLES: return cg_roles_page_new ();
    case CG_STAGE_REVIEW: return cg_review_page_new ();
    case CG_STAGE_CHARTER: return cg_charter_page_new ();
    default: g_assert_not_reached ();
    }
}

static GtkWidget *
create_stage_row (CgWindow *self,
                  CgStage   stage)
{
  g_autofree char *number = g_strdup_printf ("%u", (guint) stage + 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "stage-number");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (cg_stage_get_title (stage));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "stage-title");
  gtk_box_append (GTK_BOX (text), label);

  self->row_checks[stage] = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (self->row_checks[stage], "stage-complete");
  gtk_box_append (GTK_BOX (status), self->row_checks[stage]);
  self->row_status[stage] = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->row_status[stage], 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->row_status[stage]), "stage-status");
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->row_status[stage]));
  gtk_box_append (GTK_BOX (text), status);

  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static char *
stage_mark_text (CgStage  stage,
                 guint    answered,
                 guint    total,
                 gboolean complete)
{
  if (total == 0)
    return g_strdup ("");
  if (stage == CG_STAGE_SESSION)
    return complete ? g_strdup (_("Complete: title, date and facilitator"))
                    : g_strdup_printf (ngettext ("%u of %u detail", "%u of %u details", total),
                                       answered, total);
  if (stage == CG_STAGE_PARTNERS)
    return complete ? g_strdup_printf (
                        ngettext ("Complete: %u partner", "Complete: %u partners", total), total)
                    : g_strdup_printf (
                        ngettext ("%u of at least %u partner", "%u of at least %u partners", total),
                        answered, total);
  if (complete)
    return g_strdup_printf (ngettext ("Complete: %u answer", "Complete: all %u answers", total),
                            total);
  return g_strdup_printf (ngettext ("%u of %u answer", "%u of %u answers", total), answered, total);
}

/* The mark is an icon and words, never a colour alone. */
static void
update_stage_mark (CgWindow *self,
                   CgStage   stage)
{
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;
  guint answered = 0, total = 0;
  gboolean complete;

  if (self->session != NULL)
    cg_session_count_answers (self->session, stage, &answered, &total);
  complete = total > 0 && answered >= total;

  text = stage_mark_text (stage, answered, total, complete);
  gtk_label_set_text (self->row_status[stage], text);
  gtk_widget_set_visible (GTK_WIDGET (self->row_status[stage]), total > 0);
  gtk_widget_set_visible (self->row_checks[stage], complete);

  a11y = total > 0 ? g_strdup_printf ("%s: %s", cg_stage_get_title (stage), text)
                   : g_strdup (cg_stage_get_title (stage));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[stage]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
}

static gboolean
update_marks_cb (gpointer user_data)
{
  CgWindow *self = user_data;

  self->marks_source = 0;
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    update_stage_mark (self, stage);
  return G_SOURCE_REMOVE;
}

/* Counting runs once per burst of edits, not once per keystroke. */
static void
queue_update_marks (CgWindow *self)
{
  if (self->marks_source == 0)
    self->marks_source = g_idle_add (update_marks_cb, self);
}

static void
update_undo_actions (CgWindow *self)
{
  gboolean can_undo = self->session && cg_session_can_undo (self->session);
  gboolean can_redo = self->session && cg_session_can_redo (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

void
_cg_window_update_title (CgWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = NULL;
  GFile *file = NULL;
  gboolean modified = FALSE;

  if (self->session != NULL)
    {
      name = cg_session_get_detail (self->session, CG_DETAIL_TITLE);
      modified = cg_session_get_modified (self->session);
      file = cg_session_get_file (self->session);
    }
  if (name == NULL || name[0] == '\0')
    name = _("Untitled session");

  /* "•" marks unsaved changes, in the header and in the window list. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  subtitle = file ? g_file_get_parse_name (file) : g_strdup (_("Not saved yet"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  window_title = g_strdup_printf (_("%s – Common Ground"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
session_changed_cb (CgWindow    *self,
                    CgChangeKind kind,
                    guint        a,
                    guint        b,
                    CgSession   *session)
{
  update_undo_actions (self);
  _cg_window_update_title (self);
  queue_update_marks (self);
}

/* Saving and undo change these without a document change. */
static const char *const state_properties[] = {
  "notify::modified",
  "notify::can-undo",
  "notify::can-redo",
  "notify::file",
};

static void
session_state_cb (CgWindow   *self,
                  GParamSpec *pspec,
                  CgSession  *session)
{
  update_undo_actions (self);
  _cg_window_update_title (self);
}

static GtkWidget *
find_capture_bar (GtkWidget *root)
{
  if (CG_IS_CAPTURE_BAR (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_capture_bar (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void update_private_lock (CgWindow *self);

static void
lower_undo_fence (CgWindow *self)
{
  if (self->fenced_session != NULL)
    cg_session_set_undo_fence (self->fenced_session, FALSE);
  g_clear_object (&self->fenced_session);
}

/* The partner holding the laptop may undo their own answers, never the
 * room's: the fence goes up at the history's depth when a private entry
 * starts (again for each partner) and comes down when it ends. */
static void
on_private_partner_changed (CgWindow     *self,
                            GParamSpec   *pspec,
                            CgCaptureBar *bar)
{
  lower_undo_fence (self);
  if (self->session != NULL && cg_window_get_private_partner (self) != 0)
    {
      self->fenced_session = g_object_ref (self->session);
      cg_session_set_undo_fence (self->fenced_session, TRUE);
    }
  update_private_lock (self);
}

/* Pages are made when first shown or asked for: building all twelve
 * before the first frame was most of the window's startup. */
static GtkWidget *
ensure_page (CgWindow *self,
             CgStage   stage)
{
  if (self->pages[stage] == NULL)
    {
      self->pages[stage] = create_stage_page (stage);
      adw_bin_set_child (ADW_BIN (self->slots[stage]), self->pages[stage]);
      /* Private entry is the capture bar's view state; the window locks
       * the stages around it. */
      self->capture_bars[stage] = find_capture_bar (self->pages[stage]);
      if (self->capture_bars[stage] != NULL)
        g_signal_connect_object (self->capture_bars[stage], "notify::private-partner",
                                 G_CALLBACK (on_private_partner_changed), self, G_CONNECT_SWAPPED);
    }
  return self->pages[stage];
}

/* The session @stage's page holds (not a new reference). */
static CgSession *
page_session (CgWindow *self,
              CgStage   stage)
{
  if (self->pages[stage] == NULL)
    return NULL;
  return cg_stage_page_get_session (CG_STAGE_PAGE (self->pages[stage]));
}

static void
bind_page (CgWindow *self,
           CgStage   stage)
{
  ensure_page (self, stage);
  if (page_session (self, stage) != self->session)
    cg_stage_page_set_session (CG_STAGE_PAGE (self->pages[stage]), self->session);
}

CgStage
cg_window_get_stage (CgWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (CG_IS_WINDOW (self), CG_STAGE_SESSION);

  child = gtk_stack_get_visible_child (self->stack);
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    if (self->slots[stage] == child)
      return stage;
  return CG_STAGE_SESSION;
}

/* The stage whose page is in private entry, or CG_N_STAGES. */
static CgStage
private_stage (CgWindow *self)
{
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    if (self->capture_bars[stage] != NULL &&
        cg_capture_bar_get_private_partner (CG_CAPTURE_BAR (self->capture_bars[stage])) != 0)
      return stage;
  return CG_N_STAGES;
}

guint
cg_window_get_private_partner (CgWindow *self)
{
  CgStage stage;

  g_return_val_if_fail (CG_IS_WINDOW (self), 0);

  stage = private_stage (self);
  if (stage == CG_N_STAGES)
    return 0;
  return cg_capture_bar_get_private_partner (CG_CAPTURE_BAR (self->capture_bars[stage]));
}

/* Every way to another stage (sidebar, Next and Back, Alt+arrows, the
 * presentation view's keys, win.goto-stage) ends here: while one partner
 * holds the laptop, it must not show the others' answers elsewhere. */
void
cg_window_set_stage (CgWindow *self,
                     CgStage   stage)
{
  CgStage locked;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (stage < CG_N_STAGES);

  locked = private_stage (self);
  if (locked != CG_N_STAGES && locked != stage)
    {
      g_debug ("Private entry: staying on stage “%s”", cg_stage_to_string (locked));
      return;
    }
  gtk_stack_set_visible_child (self->stack, self->slots[stage]);
}

GtkWidget *
cg_window_get_page (CgWindow *self,
                    CgStage   stage)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  g_return_val_if_fail (stage < CG_N_STAGES, NULL);

  bind_page (self, stage);
  return self->pages[stage];
}

static void
update_navigation (CgWindow *self,
                   CgStage   stage)
{
  g_autofree char *back = NULL;
  g_autofree char *next = NULL;
  gboolean free_to_move = private_stage (self) == CG_N_STAGES;
  gboolean can_back = free_to_move && stage > 0;
  gboolean can_next = free_to_move && stage + 1 < CG_N_STAGES;
  GtkWidget *back_button =
    gtk_widget_get_ancestor (GTK_WIDGET (self->back_content), GTK_TYPE_BUTTON);
  GtkWidget *next_button = gtk_widget_get_ancestor (GTK_WIDGET (self->next_label), GTK_TYPE_BUTTON);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-stage", can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-stage", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.goto-stage", free_to_move);
  /* Pressing Next onto the last stage (or Back onto the first) must not
   * drop keyboard focus with the button it greys out: it moves to the
   * other one. */
  if (focus == next_button && !can_next && can_back)
    gtk_widget_grab_focus (back_button);
  else if (focus == back_button && !can_back && can_next)
    gtk_widget_grab_focus (next_button);

  back = stage > 0 ? g_strdup_printf (_("Back: %s"), cg_stage_get_title (stage - 1))
                   : g_strdup (_("Back"));
  next = stage + 1 < CG_N_STAGES ? g_strdup_printf (_("Next: %s"), cg_stage_get_title (stage + 1))
                                 : g_strdup (_("Next"));
  adw_button_content_set_label (self->back_content, back);
  gtk_label_set_text (self->next_label, next);
}

/* The actions that would put every partner's answers on paper or on
 * screen outside the stage shown. */
static const char *const answer_revealing_actions[] = {
  "win.print-charter",
  "win.export-charter-pdf",
  "win.export-report-pdf",
};

static void
update_private_lock (CgWindow *self)
{
  CgStage locked = private_stage (self);
  guint partner_id = cg_window_get_private_partner (self);
  const CgPartner *partner = NULL;

  if (self->session != NULL && partner_id != 0)
    partner = cg_session_lookup_partner (self->session, partner_id);
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    gtk_widget_set_sensitive (self->rows[stage], locked == CG_N_STAGES || stage == locked);
  for (guint i = 0; i < G_N_ELEMENTS (answer_revealing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), answer_revealing_actions[i],
                                   locked == CG_N_STAGES);
  update_navigation (self, cg_window_get_stage (self));

  if (partner != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Private entry for %s: other stages are locked until the "
                            "facilitator returns to all partners"),
                         partner->name);

      gtk_label_set_text (self->private_banner_label, text);
    }
  gtk_widget_set_visible (self->private_banner, partner != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE_PARTNER]);
}

guint
cg_window_get_current_item (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), 0);
  return self->current_item;
}

/* The grid's cursor follows its focus, so every move of the cursor is a
 * move of the window's focus. Each one notifies, onto the same row too:
 * the presentation view comes back to the facilitator's row. */
static void
on_focus_changed (CgWindow   *self,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *grid = focus != NULL ? gtk_widget_get_ancestor (focus, CG_TYPE_CAPTURE_GRID) : NULL;
  guint item = grid != NULL ? cg_capture_grid_get_cursor_id (CG_CAPTURE_GRID (grid)) : 0;

  if (item == 0 && self->current_item == 0)
    return;
  self->current_item = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
}

static void
on_stack_visible_child_changed (CgWindow   *self,
                                GParamSpec *pspec,
                                GtkStack   *stack)
{
  CgStage stage = cg_window_get_stage (self);

  bind_page (self, stage);
  if (gtk_list_box_get_selected_row (self->stage_list) != GTK_LIST_BOX_ROW (self->rows[stage]))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      gtk_list_box_select_row (self->stage_list, GTK_LIST_BOX_ROW (self->rows[stage]));
      /* Keyboard focus in the list follows the stage (Alt+arrows, Next),
       * so the ring never marks a stage the window has left. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stage_list)))
        gtk_widget_grab_focus (self->rows[stage]);
    }
  update_navigation (self, stage);
  if (self->session != NULL)
    cg_session_set_current_stage (self->session, stage);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
on_stage_row_activated (GtkListBox    *list,
                        GtkListBoxRow *row,
                        CgWindow      *self)
{
  cg_window_set_stage (self, (CgStage) gtk_list_box_row_get_index (row));
  /* On a narrow window the list and the page take turns. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_sidebar_button_clicked (CgWindow  *self,
                           GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

CgSession *
cg_window_get_session (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->session;
}

void
cg_window_set_session (CgWindow  *self,
                       CgSession *session)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);

  /* A new session gets its own room, closed; the old one closes. */
  _cg_window_room_set_session (self, session);
  /* Drafts for crash recovery follow the session shown. */
  if (self->autosave != NULL)
    cg_autosave_set_session (self->autosave, session, NULL);
  /* Only the page on show is filled now; the others let go of the old
   * session and are filled when first shown (bind_page()), which keeps
   * startup and opening a file to one page's work. */
  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    if (page_session (self, stage) != NULL)
      cg_stage_page_set_session (CG_STAGE_PAGE (self->pages[stage]), NULL);

  /* A later round is compared with its earlier file, found beside it. */
  if (session != NULL)
    cg_since_find_earlier (session, self->cancellable);
  if (session != NULL)
    cg_window_set_stage (self, cg_session_get_current_stage (session));
  bind_page (self, cg_window_get_stage (self));
  update_undo_actions (self);
  _cg_window_update_title (self);
  /* A count queued for the old session goes first: update_marks_cb()
   * forgets its id, and the idle would outlive the window. */
  g_clear_handle_id (&self->marks_source, g_source_remove);
  update_marks_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
cg_window_is_reusable (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  return self->session == NULL ||
         (!cg_session_get_modified (self->session) && !cg_session_can_undo (self->session) &&
          cg_session_get_file (self->session) == NULL);
}

/* Actions --------------------------------------------------------------- */

static void
goto_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CgStage stage;

  if (cg_stage_from_string (g_variant_get_string (param, NULL), &stage))
    cg_window_set_stage (CG_WINDOW (widget), stage);
  else
    g_debug ("No stage called “%s”", g_variant_get_string (param, NULL));
}

static void
next_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  CgStage stage = cg_window_get_stage (self);

  if (stage + 1 < CG_N_STAGES)
    cg_window_set_stage (self, stage + 1);
}

static void
previous_stage_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  CgStage stage = cg_window_get_stage (self);

  if (stage > 0)
    cg_window_set_stage (self, stage - 1);
}

static void
class_init_stages (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.goto-stage", "s", goto_stage_action);
  gtk_widget_class_install_action (widget_class, "win.next-stage", NULL, next_stage_action);
  gtk_widget_class_install_action (widget_class, "win.previous-stage", NULL, previous_stage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-stage",
                                       NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->session == NULL)
    return;
  cg_session_undo (self->session);
  update_undo_actions (self);
  _cg_window_update_title (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->session == NULL)
    return;
  cg_session_redo (self->session);
  update_undo_actions (self);
  _cg_window_update_title (self);
}

static void
class_init_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}

/* GObject ----------------------------------------------------------------- */

static gboolean
cg_window_close_request (GtkWindow *window)
{
  CgWindow *self = CG_WINDOW (window);

  if (self->session != NULL && cg_session_get_modified (self->session) && !self->close_confirmed)
    {
      _cg_window_confirm_close (self);
      return TRUE;
    }
  _cg_window_projector_save_state (self);
  return GTK_WINDOW_CLASS (cg_window_parent_class)->close_request (window);
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->marks_source, g_source_remove);
  _cg_window_projector_dispose (self);
  _cg_window_room_dispose (self);
  _cg_window_dispose_files (self);
  lower_undo_fence (self);
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_finalize (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (cg_window_parent_class)->finalize (object);
}

static void
cg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_uint (value, cg_window_get_stage (self)); break;
    case PROP_PRIVATE_PARTNER:
      g_value_set_uint (value, cg_window_get_private_partner (self));
      break;
    case PROP_CURRENT_ITEM: g_value_set_uint (value, self->current_item); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_window_set_session (self, g_value_get_object (value)); break;
    case PROP_STAGE: cg_window_set_stage (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lessons_help_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  cg_show_lessons_help (GTK_WINDOW (widget));
}

/* The shortcuts window is built on first use rather than with the main
 * window, as GTK would do for gtk/help-overlay.ui: its few hundred widgets
 * cost about 35 ms of every start. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/commonground/CommonGround/cg-shortcuts.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
class_init_help (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lessons-help", NULL, lessons_help_action);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.lessons-help", NULL);
}

static void
cg_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (cg_window_parent_class)->constructed (object);
  /* Not in init: GtkWindow's "maximized" is a construct property, set
   * (to FALSE) after init, which undid the maximized state restored there. */
  _cg_window_projector_restore_state (CG_WINDOW (object));
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;
  object_class->finalize = cg_window_finalize;
  object_class->get_property = cg_window_get_property;
  object_class->set_property = cg_window_set_property;
  window_class->close_request = cg_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The stage shown; the presentation view follows it. */
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL, 0, CG_N_STAGES - 1, CG_STAGE_SESSION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The partner in private entry (cg_window_get_private_partner()). */
  properties[PROP_PRIVATE_PARTNER] =
    g_param_spec_uint ("private-partner", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ITEM] =
    g_param_spec_uint ("current-item", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_TIMER_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/commonground/CommonGround/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, stage_list);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, back_content);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, private_banner);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, private_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_button_clicked);

  /* The actions, one file (or group) per concern, one callback each. */
  class_init_stages (widget_class);
  class_init_undo (widget_class);
  class_init_help (widget_class);
  _cg_window_class_init_files (widget_class);
  _cg_window_class_init_export (widget_class);
  _cg_window_class_init_projector (widget_class);
  _cg_window_class_init_room (widget_class);
  _cg_window_class_init_rounds (widget_class);
}

static void
cg_window_init (CgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (state_properties); i++)
    g_signal_group_connect_object (self->session_signals, state_properties[i],
                                   G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  _cg_window_init_files (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "cg-window");
  /* grids.css also sizes every stage page's title and introduction; pages
   * are built lazily, and a window opened on Review or Charter has no grid
   * to load it. */
  cg_grid_ensure_style ();

  for (CgStage stage = 0; stage < CG_N_STAGES; stage++)
    {
      self->slots[stage] = adw_bin_new ();
      gtk_stack_add_titled (self->stack, self->slots[stage], cg_stage_to_string (stage),
                            cg_stage_get_title (stage));
      self->rows[stage] = create_stage_row (self, stage);
      gtk_list_box_append (self->stage_list, self->rows[stage]);
    }
  cg_window_set_stage (self, CG_STAGE_SESSION);
  on_stack_visible_child_changed (self, NULL, self->stack);
  update_marks_cb (self);
  update_undo_actions (self);
  _cg_window_update_title (self);
  _cg_window_projector_init (self);
  _cg_window_room_init (self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed), NULL);
}

CgWindow *
cg_window_new (CgApplication *application)
{
  return g_object_new (CG_TYPE_WINDOW, "application", application, NULL);
}
