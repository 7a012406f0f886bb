/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-role-grid"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-grid-table.h"
#include "cg-role-grid.h"

struct _CgRoleGrid
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
  CgGridTable *table;
  GArray *task_ids;    /* guint, one per row */
  GArray *partner_ids; /* guint, one per column */
  CgRoleGridMode mode;
  guint only_partner;
  gboolean partners_stale;  /* partners renamed while the grid was not shown */

  /* Borrowed */
  GtkWidget *empty_label;
  GtkWidget *popover;  /* the list of partners for the ACCOUNTABLE mode */
};

G_DEFINE_FINAL_TYPE (CgRoleGrid, cg_role_grid, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, PROP_MODE, PROP_ONLY_PARTNER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void connect_cells (CgRoleGrid *self);

static const char *
involvement_class (CgInvolvement inv)
{
  static const char *const classes[] = { NULL, "involvement-none", "involvement-r",
                                         "involvement-a", "involvement-c", "involvement-i" };

  return inv <= CG_INVOLVEMENT_INFORMED ? classes[inv] : NULL;
}

/* The value of one cell: what it shows, what it says, its CSS class. */
static void
cell_value (CgRoleGrid *self, guint partner_id, guint task_id, gboolean visible,
            char **text, const char **spoken, const char **css)
{
  if (self->mode == CG_ROLE_GRID_INVOLVEMENT)
    {
      CgInvolvement inv = cg_session_get_involvement (self->session, partner_id, task_id);

      *text = g_strdup (inv == CG_INVOLVEMENT_UNSET ? "" : !visible ? "●"
                        : inv == CG_INVOLVEMENT_NONE ? "–" : cg_involvement_to_letter (inv));
      *spoken = inv == CG_INVOLVEMENT_UNSET ? _("not answered") : !visible ? _("answered")
                : cg_involvement_to_label (inv);
      *css = inv == CG_INVOLVEMENT_UNSET ? NULL : !visible ? "answered-hidden" : involvement_class (inv);
    }
  else
    {
      guint named = cg_session_get_believed_accountable (self->session, partner_id, task_id);
      const CgPartner *p = named != 0 ? cg_session_lookup_partner (self->session, named) : NULL;

      /* Number and one name fit a cell; the spoken label has the full name. */
      g_autofree char *first = p != NULL ? cg_grid_partner_short_name (p->name) : NULL;

      *text = p == NULL ? g_strdup ("") : !visible ? g_strdup ("●")
              : g_strdup_printf ("%d %s", cg_session_partner_position (self->session, named) + 1, first);
      *spoken = p == NULL ? _("nobody named") : !visible ? _("answered") : p->name;
      *css = p == NULL ? NULL : !visible ? "answered-hidden" : "named-accountable";
    }
}

static void
update_cell (CgRoleGrid *self, guint row, guint column)
{
  guint task_id = g_array_index (self->task_ids, guint, row);
  guint partner_id = g_array_index (self->partner_ids, guint, column);
  const CgTask *task = cg_session_lookup_task (self->session, task_id);
  const CgPartner *partner = cg_session_lookup_partner (self->session, partner_id);
  gboolean visible = cg_session_answers_visible (self->session, CG_STAGE_ROLES);
  g_autofree char *who = NULL, *text = NULL, *label = NULL;
  const char *spoken, *css;

  if (task == NULL || partner == NULL)
    return;
  cell_value (self, partner_id, task_id, visible, &text, &spoken, &css);
  who = cg_grid_partner_display_name (partner->name, partner->organisation);
  if (self->mode == CG_ROLE_GRID_INVOLVEMENT)
    /* TRANSLATORS: "Partner, Organisation - “task” - own part: Responsible" */
    label = g_strdup_printf (_("%s - “%s” - own part: %s"), who, task->text, spoken);
  else
    /* TRANSLATORS: "Partner, Organisation - “task” - believes Accountable: Name" */
    label = g_strdup_printf (_("%s - “%s” - believes Accountable: %s"), who, task->text, spoken);
  cg_grid_cell_set_content (cg_grid_table_get_cell (self->table, row, column), text, label, css);
}

static void
update_row (CgRoleGrid *self, guint row)
{
  for (guint c = 0; c < self->partner_ids->len; c++)
    update_cell (self, row, c);
}

static void
update_all_cells (CgRoleGrid *self)
{
  for (guint r = 0; r < self->task_ids->len; r++)
    update_row (self, r);
}

static GtkWidget *
row_header_new (guint number, const char *text)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", number, text);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  return label;
}

static GtkWidget *
column_header_new (CgRoleGrid *self, guint column)
{
  const CgPartner *p = cg_session_get_partner (self->session, column);
  g_autofree char *number = g_strdup_printf ("%u", column + 1);

  /* Numbers in the ACCOUNTABLE grid are the keys that name a partner. */
  return cg_grid_partner_header_new (p->name, p->organisation, p->role, p->colour,
                                     self->mode == CG_ROLE_GRID_ACCOUNTABLE ? number : NULL);
}

static void
fill_headers (CgRoleGrid *self)
{
  for (guint r = 0; r < self->task_ids->len; r++)
    cg_grid_table_set_row_header (self->table, r,
                                  row_header_new (r + 1, cg_session_get_task (self->session, r)->text));
  for (guint c = 0; c < self->partner_ids->len; c++)
    cg_grid_table_set_column_header (self->table, c, column_header_new (self, c));
}

static void
apply_only_partner (CgRoleGrid *self)
{
  int column = -1;

  if (self->session != NULL && self->only_partner != 0)
    column = cg_session_partner_position (self->session, self->only_partner);
  cg_grid_table_set_only_column (self->table, column);
}

static void
rebuild (CgRoleGrid *self)
{
  guint rows = 0, columns = 0;

  g_array_set_size (self->task_ids, 0);
  g_array_set_size (self->partner_ids, 0);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->session != NULL)
    {
      rows = cg_session_get_n_tasks (self->session);
      columns = cg_session_get_n_partners (self->session);
      for (guint r = 0; r < rows; r++)
        g_array_append_val (self->task_ids, cg_session_get_task (self->session, r)->id);
      for (guint c = 0; c < columns; c++)
        g_array_append_val (self->partner_ids, cg_session_get_partner (self->session, c)->id);
      if (self->only_partner != 0 && cg_session_partner_position (self->session, self->only_partner) < 0)
        self->only_partner = 0;
    }
  cg_grid_table_reset (self->table, rows, columns);
  cg_grid_table_set_label (self->table, self->mode == CG_ROLE_GRID_INVOLVEMENT
                                        ? _("Each partner’s own part in each task")
                                        : _("Whom each partner believes is Accountable for each task"));
  apply_only_partner (self);
  fill_headers (self);
  update_all_cells (self);
  connect_cells (self);
  gtk_widget_set_visible (self->empty_label, rows == 0 || columns == 0);
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      columns == 0 ? _("No partners yet. Add them in the Partners stage.")
                                   : _("No tasks yet. Add one below."));
}

static int
find_id (GArray *ids, guint id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint, i) == id)
      return i;
  return -1;
}

static void
on_task_changed (CgRoleGrid *self, guint task_id)
{
  int row = find_id (self->task_ids, task_id);
  g_autofree char *title = NULL;

  if (row < 0)
    return;
  title = g_strdup_printf ("%d. %s", row + 1, cg_session_lookup_task (self->session, task_id)->text);
  gtk_label_set_text (GTK_LABEL (cg_grid_table_get_row_header (self->table, row)), title);
  update_row (self, row);
}

/* A partner's name, organisation, role or colour: its header, and the
 * cells that name it (its own column; in the ACCOUNTABLE grid any cell may
 * name it). Typing a name changes it at every key, so the grid is not
 * built again for it. */
static void
on_partner_changed (CgRoleGrid *self, guint partner_id)
{
  int column = find_id (self->partner_ids, partner_id);

  if (column < 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->partners_stale = TRUE;
      return;
    }
  cg_grid_table_replace_column_header (self->table, column, column_header_new (self, column));
  for (guint r = 0; r < self->task_ids->len; r++)
    for (guint c = 0; c < self->partner_ids->len; c++)
      if ((int) c == column
          || (self->mode == CG_ROLE_GRID_ACCOUNTABLE
              && cg_session_get_believed_accountable (self->session,
                                                      g_array_index (self->partner_ids, guint, c),
                                                      g_array_index (self->task_ids, guint, r))
                 == partner_id))
        update_cell (self, r, c);
}

/* Names typed on the Partners stage reach the grids of other stages when
 * they are shown. */
static void
cg_role_grid_map (GtkWidget *widget)
{
  CgRoleGrid *self = CG_ROLE_GRID (widget);

  GTK_WIDGET_CLASS (cg_role_grid_parent_class)->map (widget);
  if (self->partners_stale)
    {
      self->partners_stale = FALSE;
      for (guint c = 0; c < self->partner_ids->len; c++)
        on_partner_changed (self, g_array_index (self->partner_ids, guint, c));
    }
}

static void
on_session_changed (CgSession *session, CgChangeKind kind, guint a, guint b, CgRoleGrid *self)
{
  int row, column;

  switch (kind)
    {
    case CG_CHANGE_INVOLVEMENT:
      row = find_id (self->task_ids, b);
      column = find_id (self->partner_ids, a);
      if (row >= 0 && column >= 0)
        update_cell (self, row, column);
      break;
    case CG_CHANGE_TASK:
      on_task_changed (self, a);
      break;
    case CG_CHANGE_OPTIONS:
      update_all_cells (self);
      break;
    case CG_CHANGE_PARTNER:
      on_partner_changed (self, a);
      break;
    case CG_CHANGE_TASK_ADDED: case CG_CHANGE_TASK_REMOVED: case CG_CHANGE_TASKS_MOVED:
    case CG_CHANGE_PARTNER_ADDED: case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_PARTNERS_MOVED: case CG_CHANGE_ALL:
      rebuild (self);
      break;
    default:
      break;
    }
}

static gboolean
key_to_involvement (guint keyval, CgInvolvement *inv)
{
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_r: *inv = CG_INVOLVEMENT_RESPONSIBLE; return TRUE;
    case GDK_KEY_a: *inv = CG_INVOLVEMENT_ACCOUNTABLE; return TRUE;
    case GDK_KEY_c: *inv = CG_INVOLVEMENT_CONSULTED; return TRUE;
    case GDK_KEY_i: *inv = CG_INVOLVEMENT_INFORMED; return TRUE;
    case GDK_KEY_n: case GDK_KEY_minus: case GDK_KEY_KP_Subtract: case GDK_KEY_0: case GDK_KEY_KP_0:
      *inv = CG_INVOLVEMENT_NONE; return TRUE;
    case GDK_KEY_BackSpace: case GDK_KEY_Delete: case GDK_KEY_KP_Delete:
      *inv = CG_INVOLVEMENT_UNSET; return TRUE;
    default:
      return FALSE;
    }
}

/* The next partner after @current whose name starts with @c (type-ahead). */
static guint
partner_by_initial (CgRoleGrid *self, gunichar c, guint current)
{
  guint n = self->partner_ids->len;
  int start = current != 0 ? cg_session_partner_position (self->session, current) + 1 : 0;

  c = g_unichar_tolower (c);
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, (start + i) % n);
      g_autofree char *shown = cg_grid_partner_short_name (p->name);

      /* "p" finds "Dr Priya Nair" as well as "d": the cells show "Priya". */
      if (g_unichar_tolower (g_utf8_get_char (p->name)) == c
          || g_unichar_tolower (g_utf8_get_char (shown)) == c)
        return p->id;
    }
  return current;
}

/* Which partner a key names in the ACCOUNTABLE mode; FALSE if none. */
static gboolean
key_to_accountable (CgRoleGrid *self, guint keyval, guint current, guint *named)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  guint digit;

  if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete
      || keyval == GDK_KEY_0 || keyval == GDK_KEY_KP_0)
    {
      *named = 0;
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    c = '1' + (keyval - GDK_KEY_KP_1);
  if (c >= '1' && c <= '9')
    {
      digit = c - '1';
      if (digit >= self->partner_ids->len)
        return FALSE;
      *named = g_array_index (self->partner_ids, guint, digit);
      return TRUE;
    }
  if (c == 0 || !g_unichar_isalpha (c))
    return FALSE;
  *named = partner_by_initial (self, c, current);
  return TRUE;
}

static gboolean
set_value_from_key (CgRoleGrid *self, guint keyval, guint row, guint column)
{
  guint partner_id = g_array_index (self->partner_ids, guint, column);
  guint task_id = g_array_index (self->task_ids, guint, row);
  CgInvolvement inv;
  guint named;

  if (self->mode == CG_ROLE_GRID_INVOLVEMENT)
    {
      if (!key_to_involvement (keyval, &inv))
        return FALSE;
      cg_session_set_involvement (self->session, partner_id, task_id, inv);
      return TRUE;
    }
  if (!key_to_accountable (self, keyval,
                           cg_session_get_believed_accountable (self->session, partner_id, task_id),
                           &named))
    return FALSE;
  cg_session_set_believed_accountable (self->session, partner_id, task_id, named);
  return TRUE;
}

gboolean
cg_role_grid_handle_key (CgRoleGrid *self, guint keyval, GdkModifierType state)
{
  guint row, column;

  g_return_val_if_fail (CG_IS_ROLE_GRID (self), FALSE);
  if ((state & GDK_CONTROL_MASK) != 0
      && (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab))
    return cg_grid_table_leave (self->table, keyval, state);
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  if (self->session == NULL || !cg_grid_table_get_cursor (self->table, &row, &column))
    return FALSE;
  if (set_value_from_key (self, keyval, row, column))
    return TRUE;
  switch (cg_grid_table_navigate (self->table, keyval, state))
    {
    case CG_GRID_NAV_MOVED: case CG_GRID_NAV_STAY:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, CgRoleGrid *self)
{
  /* An open list closes on any key; the key then does its usual. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      if (keyval == GDK_KEY_Escape)
        return TRUE;
    }
  return cg_role_grid_handle_key (self, keyval, state);
}

static void
on_focus_leave (GtkEventControllerFocus *focus, CgRoleGrid *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_choice_clicked (GtkButton *button, CgRoleGrid *self)
{
  guint row, column, partner_id, task_id, value = cg_grid_choice_get_value (GTK_WIDGET (button));

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->session == NULL || !cg_grid_table_get_cursor (self->table, &row, &column))
    return;
  partner_id = g_array_index (self->partner_ids, guint, column);
  task_id = g_array_index (self->task_ids, guint, row);
  if (self->mode == CG_ROLE_GRID_INVOLVEMENT)
    cg_session_set_involvement (self->session, partner_id, task_id, (CgInvolvement) value);
  else
    cg_session_set_believed_accountable (self->session, partner_id, task_id, value);
  cg_grid_table_set_cursor (self->table, row, column, TRUE);
}

/* The mouse way to give one's own part: R, A, C, I, none, or clear. */
static void
open_involvement_choices (CgRoleGrid *self, GtkWidget *cell, guint current)
{
  static const guint values[] = { CG_INVOLVEMENT_RESPONSIBLE, CG_INVOLVEMENT_ACCOUNTABLE,
                                  CG_INVOLVEMENT_CONSULTED, CG_INVOLVEMENT_INFORMED,
                                  CG_INVOLVEMENT_NONE, CG_INVOLVEMENT_UNSET };
  char *texts[G_N_ELEMENTS (values)] = { NULL };
  const char *labels[G_N_ELEMENTS (values)];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i] == CG_INVOLVEMENT_UNSET)
        texts[i] = g_strdup (_("Clear the answer"));
      else
        /* TRANSLATORS: a choice in the list of RACI parts: "R  Responsible" */
        texts[i] = g_strdup_printf (_("%s  %s"),
                                    values[i] == CG_INVOLVEMENT_NONE ? "N"
                                    : cg_involvement_to_letter ((CgInvolvement) values[i]),
                                    cg_involvement_to_label ((CgInvolvement) values[i]));
      labels[i] = texts[i];
    }
  cg_grid_popup_choices (GTK_POPOVER (self->popover), GTK_WIDGET (self), cell, labels, values,
                         G_N_ELEMENTS (values), current, G_CALLBACK (on_choice_clicked), self);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (texts[i]);
}

/* The mouse way to name the Accountable partner: a list under the cell. */
static void
open_partner_choices (CgRoleGrid *self, GtkWidget *cell, guint current)
{
  guint n = self->partner_ids->len + 1;
  g_autofree guint *values = g_new0 (guint, n);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (_("Nobody named")));
  for (guint c = 0; c < self->partner_ids->len; c++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, c);

      values[c + 1] = p->id;
      g_ptr_array_add (labels, g_strdup_printf ("%u %s", c + 1, p->name));
    }
  cg_grid_popup_choices (GTK_POPOVER (self->popover), GTK_WIDGET (self), cell,
                         (const char *const *) labels->pdata, values, n, current,
                         G_CALLBACK (on_choice_clicked), self);
}

static void
on_cell_clicked (GtkWidget *cell, CgRoleGrid *self)
{
  guint row = cg_grid_cell_get_row (CG_GRID_CELL (cell));
  guint column = cg_grid_cell_get_column (CG_GRID_CELL (cell));
  guint partner_id, task_id, current;

  if (self->session == NULL || row >= self->task_ids->len || column >= self->partner_ids->len)
    return;
  partner_id = g_array_index (self->partner_ids, guint, column);
  task_id = g_array_index (self->task_ids, guint, row);
  current = self->mode == CG_ROLE_GRID_INVOLVEMENT
            ? (guint) cg_session_get_involvement (self->session, partner_id, task_id)
            : cg_session_get_believed_accountable (self->session, partner_id, task_id);
  /* While answers are hidden the list must not give the value away; an
   * empty cell (unset, or nobody named) has no current answer to mark. */
  if (!cg_session_answers_visible (self->session, CG_STAGE_ROLES) || current == 0)
    current = G_MAXUINT;
  if (self->mode == CG_ROLE_GRID_INVOLVEMENT)
    open_involvement_choices (self, cell, current);
  else
    open_partner_choices (self, cell, current);
}

GtkWidget *
cg_role_grid_get_popover (CgRoleGrid *self)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), NULL);
  return self->popover;
}

static void
connect_cells (CgRoleGrid *self)
{
  for (guint r = 0; r < self->task_ids->len; r++)
    for (guint c = 0; c < self->partner_ids->len; c++)
      g_signal_connect (cg_grid_table_get_cell (self->table, r, c), "clicked",
                        G_CALLBACK (on_cell_clicked), self);
}

gboolean
cg_role_grid_get_cursor (CgRoleGrid *self, guint *row, guint *column)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), FALSE);
  return cg_grid_table_get_cursor (self->table, row, column);
}

void
cg_role_grid_set_cursor (CgRoleGrid *self, guint row, guint column)
{
  g_return_if_fail (CG_IS_ROLE_GRID (self));
  g_return_if_fail (row < self->task_ids->len && column < self->partner_ids->len);
  cg_grid_table_set_cursor (self->table, row, column, TRUE);
}

GtkWidget *
cg_role_grid_get_cell (CgRoleGrid *self, guint row, guint column)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), NULL);
  if (row >= self->task_ids->len || column >= self->partner_ids->len)
    return NULL;
  return GTK_WIDGET (cg_grid_table_get_cell (self->table, row, column));
}

CgSession *
cg_role_grid_get_session (CgRoleGrid *self)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), NULL);
  return self->session;
}

void
cg_role_grid_set_session (CgRoleGrid *self, CgSession *session)
{
  g_return_if_fail (CG_IS_ROLE_GRID (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  self->only_partner = 0;
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

CgRoleGridMode
cg_role_grid_get_mode (CgRoleGrid *self)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), CG_ROLE_GRID_INVOLVEMENT);
  return self->mode;
}

void
cg_role_grid_set_mode (CgRoleGrid *self, CgRoleGridMode mode)
{
  g_return_if_fail (CG_IS_ROLE_GRID (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

guint
cg_role_grid_get_only_partner (CgRoleGrid *self)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), 0);
  return self->only_partner;
}

void
cg_role_grid_set_only_partner (CgRoleGrid *self, guint partner_id)
{
  g_return_if_fail (CG_IS_ROLE_GRID (self));

  if (self->only_partner == partner_id)
    return;
  self->only_partner = partner_id;
  apply_only_partner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_PARTNER]);
}

static void
cg_role_grid_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CgRoleGrid *self = CG_ROLE_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_MODE: g_value_set_int (value, self->mode); break;
    case PROP_ONLY_PARTNER: g_value_set_uint (value, self->only_partner); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_role_grid_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CgRoleGrid *self = CG_ROLE_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_role_grid_set_session (self, g_value_get_object (value)); break;
    case PROP_MODE: cg_role_grid_set_mode (self, g_value_get_int (value)); break;
    case PROP_ONLY_PARTNER: cg_role_grid_set_only_partner (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_role_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CgRoleGrid *self = CG_ROLE_GRID (widget);

  GTK_WIDGET_CLASS (cg_role_grid_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
cg_role_grid_dispose (GObject *object)
{
  CgRoleGrid *self = CG_ROLE_GRID (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->table, cg_grid_table_free);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  G_OBJECT_CLASS (cg_role_grid_parent_class)->dispose (object);
}

static void
cg_role_grid_finalize (GObject *object)
{
  CgRoleGrid *self = CG_ROLE_GRID (object);

  g_array_unref (self->task_ids);
  g_array_unref (self->partner_ids);
  G_OBJECT_CLASS (cg_role_grid_parent_class)->finalize (object);
}

static void
cg_role_grid_class_init (CgRoleGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_role_grid_get_property;
  object_class->set_property = cg_role_grid_set_property;
  object_class->dispose = cg_role_grid_dispose;
  widget_class->map = cg_role_grid_map;
  object_class->finalize = cg_role_grid_finalize;
  widget_class->size_allocate = cg_role_grid_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, CG_ROLE_GRID_INVOLVEMENT, CG_ROLE_GRID_ACCOUNTABLE,
                      CG_ROLE_GRID_INVOLVEMENT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_PARTNER] =
    g_param_spec_uint ("only-partner", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cg-role-grid");
}

static void
cg_role_grid_init (CgRoleGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->task_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->empty_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
  self->table = cg_grid_table_new (GTK_WIDGET (self));
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  rebuild (self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
cg_role_grid_new (CgSession *session, CgRoleGridMode mode)
{
  return g_object_new (CG_TYPE_ROLE_GRID, "mode", mode, "session", session, NULL);
}
