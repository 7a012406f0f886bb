/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-item-list"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-item-list.h"
#include "cg-undo-keys.h"

struct _CgItemList
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
  CgStage stage;
  GArray *ids;            /* guint per row */
  guint focus_id;         /* after a rebuild, focus this row's... */
  const char *focus_what; /* ...widget named so ("up", "down", "entry") */

  /* Borrowed */
  GtkWidget *list;
  GtkWidget *add_entry;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (CgItemList, cg_item_list, GTK_TYPE_WIDGET)

static gboolean
is_tasks (CgItemList *self)
{
  return self->stage == CG_STAGE_ROLES;
}

static guint
n_entries (CgItemList *self)
{
  if (is_tasks (self))
    return cg_session_get_n_tasks (self->session);
  if (self->stage == CG_STAGE_AIMS)
    return cg_session_get_n_aims (self->session);
  return cg_session_get_n_statements (self->session, CG_LESSON_FOR_STAGE (self->stage));
}

static void
nth_entry (CgItemList  *self,
           guint        i,
           guint       *id,
           const char **text,
           gboolean    *agreed)
{
  const CgItem *item;

  if (is_tasks (self))
    {
      const CgTask *task = cg_session_get_task (self->session, i);

      *id = task->id;
      *text = task->text;
      *agreed = FALSE;
      return;
    }
  item = self->stage == CG_STAGE_AIMS
           ? cg_session_get_aim (self->session, i)
           : cg_session_get_statement (self->session, CG_LESSON_FOR_STAGE (self->stage), i);
  *id = item->id;
  *text = item->text;
  *agreed = item->agreed;
}

static const char *
noun (CgItemList *self)
{
  return is_tasks (self) ? _("Task") : self->stage == CG_STAGE_AIMS ? _("Aim") : _("Statement");
}

static guint
row_id (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cg-id"));
}

static void
commit_entry (CgItemList *self,
              GtkWidget  *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint id = row_id (entry);

  /* Blank is not a rewording (removing has its own button). */
  if (self->session == NULL || *text == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }
  /* A row whose item was just removed (its button, or undo) loses focus
   * as it goes: there is nothing left to reword. */
  if (is_tasks (self) ? cg_session_lookup_task (self->session, id) == NULL
                      : cg_session_lookup_item (self->session, id) == NULL)
    return;
  if (is_tasks (self))
    cg_session_set_task_text (self->session, id, text);
  else
    cg_session_set_item_text (self->session, id, text);
}

/* An entry gives its text to the session on Enter or on leaving it; before
 * Ctrl+Z it does so too, so that undo takes back the typing just done. */
static void
commit_before_undo (GtkWidget *widget)
{
  CgItemList *self = CG_ITEM_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  /* The add entry holds a draft, not yet part of the session. */
  if (entry == NULL || entry == self->add_entry || row_id (entry) == 0 ||
      !gtk_widget_is_ancestor (entry, widget))
    return;
  commit_entry (self, entry);
}

static void
on_entry_activate (GtkEntry   *entry,
                   CgItemList *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static const char *
session_text (CgItemList *self,
              guint       id)
{
  const CgTask *task;
  const CgItem *item;

  if (self->session == NULL)
    return NULL;
  if (is_tasks (self))
    return (task = cg_session_lookup_task (self->session, id)) != NULL ? task->text : NULL;
  return (item = cg_session_lookup_item (self->session, id)) != NULL ? item->text : NULL;
}

static void
on_entry_leave (GtkEventControllerFocus *focus,
                CgItemList              *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  const char *kept = session_text (self, row_id (entry));

  commit_entry (self, entry);
  /* An emptied entry is not a rewording: show the text the session kept. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0' && kept != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), kept);
}

static void
on_agreed_toggled (GtkCheckButton *check,
                   CgItemList     *self)
{
  if (self->session != NULL)
    cg_session_set_aim_agreed (self->session, row_id (GTK_WIDGET (check)),
                               gtk_check_button_get_active (check));
}

static void
on_move_clicked (GtkButton  *button,
                 CgItemList *self)
{
  guint id = row_id (GTK_WIDGET (button));
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cg-step"));
  int pos = is_tasks (self) ? cg_session_task_position (self->session, id)
                            : cg_session_item_position (self->session, id);

  if (pos < 0 || pos + step < 0 || pos + step >= (int) n_entries (self))
    return;
  self->focus_id = id;
  self->focus_what = step < 0 ? "up" : "down";
  if (is_tasks (self))
    cg_session_move_task (self->session, id, pos + step);
  else
    cg_session_move_item (self->session, id, pos + step);
}

static void
on_remove_clicked (GtkButton  *button,
                   CgItemList *self)
{
  guint id = row_id (GTK_WIDGET (button));

  if (is_tasks (self))
    cg_session_remove_task (self->session, id);
  else
    cg_session_remove_item (self->session, id);
  gtk_widget_grab_focus (self->add_entry);
}

static GtkWidget *
icon_button (CgItemList *self,
             GtkWidget  *row,
             const char *icon,
             const char *spoken,
             guint       id,
             GCallback   callback,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  g_object_set_data (G_OBJECT (button), "cg-id", GUINT_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (row), button);
  return button;
}

static GtkWidget *
make_row (CgItemList *self,
          guint       position,
          guint       id,
          const char *text,
          gboolean    agreed)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *spoken = g_strdup_printf ("%s %u", noun (self), position + 1);
  g_autofree char *up = g_strdup_printf (_("Move %s %u up"), noun (self), position + 1);
  g_autofree char *down = g_strdup_printf (_("Move %s %u down"), noun (self), position + 1);
  g_autofree char *remove = g_strdup_printf (_("Remove %s %u"), noun (self), position + 1);
  g_autofree char *number = g_strdup_printf ("%u.", position + 1);
  GtkWidget *up_button, *down_button;

  gtk_box_append (GTK_BOX (row), gtk_label_new (number));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_name (entry, "entry");
  cg_undo_keys_disable_text_undo (entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_object_set_data (G_OBJECT (entry), "cg-id", GUINT_TO_POINTER (id));
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (GTK_BOX (row), entry);
  if (self->stage == CG_STAGE_AIMS)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_("Agreed"));
      g_autofree char *check_spoken = g_strdup_printf (_("Aim %u agreed"), position + 1);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), agreed);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check_spoken, -1);
      g_object_set_data (G_OBJECT (check), "cg-id", GUINT_TO_POINTER (id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_agreed_toggled), self);
      gtk_box_append (GTK_BOX (row), check);
    }
  up_button = icon_button (self, row, "go-up-symbolic", up, id, G_CALLBACK (on_move_clicked), "up");
  g_object_set_data (G_OBJECT (up_button), "cg-step", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (up_button, position > 0);
  down_button =
    icon_button (self, row, "go-down-symbolic", down, id, G_CALLBACK (on_move_clicked), "down");
  g_object_set_data (G_OBJECT (down_button), "cg-step", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (down_button, position + 1 < n_entries (self));
  icon_button (self, row, "user-trash-symbolic", remove, id, G_CALLBACK (on_remove_clicked),
               "remove");
  return row;
}

static GtkWidget *
find_in_row (GtkWidget  *row,
             const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (row); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
      return c;
  return NULL;
}

static void
rebuild (CgItemList *self)
{
  GtkWidget *child;
  guint n = self->session != NULL ? n_entries (self) : 0;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_array_set_size (self->ids, 0);
  for (guint i = 0; i < n; i++)
    {
      guint id;
      const char *text;
      gboolean agreed;
      GtkWidget *row;

      nth_entry (self, i, &id, &text, &agreed);
      g_array_append_val (self->ids, id);
      row = make_row (self, i, id, text, agreed);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      /* The row's own controls take focus; the row itself is no stop. */
      gtk_widget_set_focusable (gtk_widget_get_parent (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
      if (id == self->focus_id && self->focus_what != NULL)
        {
          GtkWidget *target = find_in_row (row, self->focus_what);

          if (target != NULL && !gtk_widget_get_sensitive (target))
            target = find_in_row (row, "entry");
          if (target != NULL)
            gtk_widget_grab_focus (target);
        }
    }
  self->focus_id = 0;
  self->focus_what = NULL;
  gtk_widget_set_visible (self->list, n > 0);
}

/* Text or agreed changed: update that row in place, keeping its focus. */
static void
update_entry (CgItemList *self,
              guint       id)
{
  GtkWidget *row_widget;
  guint pos = 0;
  const char *text;
  gboolean agreed;

  for (pos = 0; pos < self->ids->len && g_array_index (self->ids, guint, pos) != id; pos++)
    ;
  if (pos == self->ids->len)
    return;
  nth_entry (self, pos, &id, &text, &agreed);
  row_widget =
    gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), pos));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (find_in_row (row_widget, "entry"))), text) !=
      0)
    gtk_editable_set_text (GTK_EDITABLE (find_in_row (row_widget, "entry")), text);
  for (GtkWidget *c = gtk_widget_get_first_child (row_widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_CHECK_BUTTON (c) && gtk_check_button_get_active (GTK_CHECK_BUTTON (c)) != agreed)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (c), agreed);
}

static gboolean
item_is_ours (CgItemList *self,
              guint       id)
{
  const CgItem *item = cg_session_lookup_item (self->session, id);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, guint, i) == id)
      return TRUE;
  if (item == NULL)
    return FALSE;
  if (self->stage == CG_STAGE_AIMS)
    return item->kind == CG_ITEM_AIM;
  return item->kind == CG_ITEM_STATEMENT && item->lesson == CG_LESSON_FOR_STAGE (self->stage);
}

static void
on_session_changed (CgSession   *session,
                    CgChangeKind kind,
                    guint        a,
                    guint        b,
                    CgItemList  *self)
{
  gboolean tasks = is_tasks (self);

  if (kind == CG_CHANGE_ALL)
    rebuild (self);
  else if (tasks && (kind == CG_CHANGE_TASK_ADDED || kind == CG_CHANGE_TASK_REMOVED ||
                     kind == CG_CHANGE_TASKS_MOVED))
    rebuild (self);
  else if (tasks && kind == CG_CHANGE_TASK)
    update_entry (self, a);
  else if (!tasks &&
           (kind == CG_CHANGE_ITEM_ADDED || kind == CG_CHANGE_ITEM_REMOVED ||
            kind == CG_CHANGE_ITEMS_MOVED) &&
           item_is_ours (self, a))
    rebuild (self);
  else if (!tasks && kind == CG_CHANGE_ITEM)
    update_entry (self, a);
}

static void
add_new (CgItemList *self)
{
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));

  if (self->session == NULL || *text == '\0')
    return;
  if (is_tasks (self))
    cg_session_add_task (self->session, text);
  else if (self->stage == CG_STAGE_AIMS)
    cg_session_add_aim (self->session, text);
  else
    cg_session_add_statement (self->session, CG_LESSON_FOR_STAGE (self->stage), text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_grab_focus (self->add_entry);
}

static void
on_add (GtkWidget  *widget,
        CgItemList *self)
{
  add_new (self);
}

static void
update_add_labels (CgItemList *self)
{
  const char *placeholder = is_tasks (self) ? _("New task, e.g. “Chair the weekly meeting”")
                            : self->stage == CG_STAGE_AIMS ? _("New candidate aim")
                                                           : _("New statement");
  const char *add = is_tasks (self)                ? _("Add task")
                    : self->stage == CG_STAGE_AIMS ? _("Add aim")
                                                   : _("Add statement");

  gtk_entry_set_placeholder_text (GTK_ENTRY (self->add_entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_tasks (self)                ? _("Tasks")
                                  : self->stage == CG_STAGE_AIMS ? _("Candidate aims")
                                                                 : _("Statements"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_button_set_label (GTK_BUTTON (self->add_button), add);
}

void
cg_item_list_set_session (CgItemList *self,
                          CgSession  *session)
{
  g_return_if_fail (CG_IS_ITEM_LIST (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  rebuild (self);
}

void
cg_item_list_set_stage (CgItemList *self,
                        CgStage     stage)
{
  g_return_if_fail (CG_IS_ITEM_LIST (self));
  self->stage = stage;
  update_add_labels (self);
  rebuild (self);
}

static void
cg_item_list_dispose (GObject *object)
{
  CgItemList *self = CG_ITEM_LIST (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cg_item_list_parent_class)->dispose (object);
}

static void
cg_item_list_finalize (GObject *object)
{
  g_array_unref (CG_ITEM_LIST (object)->ids);
  G_OBJECT_CLASS (cg_item_list_parent_class)->finalize (object);
}

static void
cg_item_list_class_init (CgItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_item_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = cg_item_list_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cg-item-list");
}

static void
cg_item_list_init (CgItemList *self)
{
  GtkWidget *add_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (
    GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
  self->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  self->add_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->add_entry, TRUE);
  /* Its own undo would eat Ctrl+Z, which must reach the session's history
   * (focus lands here after a removal, to be undone). */
  cg_undo_keys_disable_text_undo (self->add_entry);
  g_signal_connect (self->add_entry, "activate", G_CALLBACK (on_add), self);
  self->add_button = gtk_button_new ();
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add), self);
  gtk_box_append (GTK_BOX (add_row), self->add_entry);
  gtk_box_append (GTK_BOX (add_row), self->add_button);
  gtk_widget_set_parent (add_row, GTK_WIDGET (self));
  cg_undo_keys_commit_first (GTK_WIDGET (self), commit_before_undo);
  self->stage = CG_STAGE_LESSON_1;
  update_add_labels (self);
  rebuild (self);
}

GtkWidget *
cg_item_list_new (CgStage stage)
{
  CgItemList *self = g_object_new (CG_TYPE_ITEM_LIST, NULL);

  cg_item_list_set_stage (self, stage);
  return GTK_WIDGET (self);
}
