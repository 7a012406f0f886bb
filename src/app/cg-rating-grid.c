/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-rating-grid"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-grid-table.h"
#include "cg-rating-grid.h"

struct _CgRatingGrid
{
  GtkWidget parent_instance;

  /* Owned */
  CgSession *session;
  CgGridTable *table;
  GArray *item_ids;    /* guint, one per row */
  GArray *partner_ids; /* guint, one per column */
  CgStage stage;
  guint only_partner;
  gboolean partners_stale;  /* partners renamed while the grid was not shown */

  /* Borrowed */
  GtkWidget *empty_label;
  GtkWidget *popover;  /* the mouse way to answer: a list under the cell */
};

G_DEFINE_FINAL_TYPE (CgRatingGrid, cg_rating_grid, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, PROP_STAGE, PROP_ONLY_PARTNER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void connect_cells (CgRatingGrid *self);

static gboolean
is_aims (CgRatingGrid *self)
{
  return self->stage == CG_STAGE_AIMS;
}

const char *
cg_rating_grid_value_label (CgItemKind kind, CgRating rating)
{
  if (kind == CG_ITEM_STATEMENT || rating == CG_RATING_NONE || rating == CG_RATING_DONT_KNOW)
    return cg_rating_to_label (rating);
  switch (rating)
    {
    case CG_RATING_1: return _("Not important (1)");
    case CG_RATING_2: return _("Slightly important (2)");
    case CG_RATING_3: return _("Moderately important (3)");
    case CG_RATING_4: return _("Very important (4)");
    case CG_RATING_5: return _("Essential (5)");
    default: return "";
    }
}

static const char *
rating_text (CgRating rating)
{
  static const char *const texts[] = { "", "1", "2", "3", "4", "5", "?" };

  return rating <= CG_RATING_DONT_KNOW ? texts[rating] : "";
}

static const char *
rating_class (CgRating rating)
{
  static const char *const classes[] = { NULL, "rating-1", "rating-2", "rating-3",
                                         "rating-4", "rating-5", "rating-dont-know" };

  return rating <= CG_RATING_DONT_KNOW ? classes[rating] : NULL;
}

/* Writes one cell from the session: the only place a cell gets its value. */
static void
update_cell (CgRatingGrid *self, guint row, guint column)
{
  guint item_id = g_array_index (self->item_ids, guint, row);
  guint partner_id = g_array_index (self->partner_ids, guint, column);
  const CgItem *item = cg_session_lookup_item (self->session, item_id);
  const CgPartner *partner = cg_session_lookup_partner (self->session, partner_id);
  CgRating rating = cg_session_get_rating (self->session, partner_id, item_id);
  gboolean visible = cg_session_answers_visible (self->session, self->stage);
  g_autofree char *who = NULL;
  g_autofree char *spoken = NULL;
  const char *value;

  if (item == NULL || partner == NULL)
    return;
  who = cg_grid_partner_display_name (partner->name, partner->organisation);
  if (rating == CG_RATING_NONE)
    value = _("not answered");
  else if (!visible)
    value = _("answered");
  else
    value = cg_rating_grid_value_label (item->kind, rating);
  /* TRANSLATORS: a grid cell as a screen reader says it:
   * "Partner, Organisation - “statement” - Agree (4)" */
  spoken = g_strdup_printf (_("%s - “%s” - %s"), who, item->text, value);
  cg_grid_cell_set_content (cg_grid_table_get_cell (self->table, row, column),
                            rating == CG_RATING_NONE ? "" : visible ? rating_text (rating) : "●",
                            spoken,
                            rating == CG_RATING_NONE ? NULL : visible ? rating_class (rating) : "answered-hidden");
}

static void
update_row (CgRatingGrid *self, guint row)
{
  for (guint c = 0; c < self->partner_ids->len; c++)
    update_cell (self, row, c);
}

static void
update_all_cells (CgRatingGrid *self)
{
  for (guint r = 0; r < self->item_ids->len; r++)
    update_row (self, r);
}

static guint
n_items (CgRatingGrid *self)
{
  if (is_aims (self))
    return cg_session_get_n_aims (self->session);
  return cg_session_get_n_statements (self->session, CG_LESSON_FOR_STAGE (self->stage));
}

static const CgItem *
nth_item (CgRatingGrid *self, guint position)
{
  if (is_aims (self))
    return cg_session_get_aim (self->session, position);
  return cg_session_get_statement (self->session, CG_LESSON_FOR_STAGE (self->stage), position);
}

static GtkWidget *
row_header_new (guint number, const char *text)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", number, text);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, FALSE);
  return label;
}

static void
fill_headers (CgRatingGrid *self)
{
  for (guint r = 0; r < self->item_ids->len; r++)
    cg_grid_table_set_row_header (self->table, r, row_header_new (r + 1, nth_item (self, r)->text));
  for (guint c = 0; c < self->partner_ids->len; c++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, c);

      cg_grid_table_set_column_header (self->table, c,
                                       cg_grid_partner_header_new (p->name, p->organisation,
                                                                   p->role, p->colour, NULL));
    }
}

static void
apply_only_partner (CgRatingGrid *self)
{
  int column = -1;

  if (self->session != NULL && self->only_partner != 0)
    column = cg_session_partner_position (self->session, self->only_partner);
  cg_grid_table_set_only_column (self->table, column);
}

/* Structure changed (items or partners added, removed, moved, a load):
 * the only case the grid is built again. */
static void
rebuild (CgRatingGrid *self)
{
  guint rows = 0, columns = 0;

  g_array_set_size (self->item_ids, 0);
  g_array_set_size (self->partner_ids, 0);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->session != NULL)
    {
      rows = n_items (self);
      columns = cg_session_get_n_partners (self->session);
      for (guint r = 0; r < rows; r++)
        g_array_append_val (self->item_ids, nth_item (self, r)->id);
      for (guint c = 0; c < columns; c++)
        g_array_append_val (self->partner_ids, cg_session_get_partner (self->session, c)->id);
      if (self->only_partner != 0 && cg_session_partner_position (self->session, self->only_partner) < 0)
        self->only_partner = 0;
    }
  cg_grid_table_reset (self->table, rows, columns);
  cg_grid_table_set_label (self->table, is_aims (self) ? _("Importance of each aim, per partner")
                                                      : _("Answers to each statement, per partner"));
  apply_only_partner (self);
  fill_headers (self);
  update_all_cells (self);
  connect_cells (self);
  gtk_widget_set_visible (self->empty_label, rows == 0 || columns == 0);
  if (columns == 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        _("No partners yet. Add them in the Partners stage."));
  else
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        is_aims (self) ? _("No aims yet. Add one below.")
                                       : _("No statements yet. Add one below."));
}

static int
find_id (GArray *ids, guint id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint, i) == id)
      return i;
  return -1;
}

static gboolean
item_is_ours (CgRatingGrid *self, guint item_id)
{
  const CgItem *item = cg_session_lookup_item (self->session, item_id);

  if (item == NULL)
    return find_id (self->item_ids, item_id) >= 0;
  if (is_aims (self))
    return item->kind == CG_ITEM_AIM;
  return item->kind == CG_ITEM_STATEMENT && item->lesson == CG_LESSON_FOR_STAGE (self->stage);
}

static void
on_item_changed (CgRatingGrid *self, guint item_id)
{
  int row = find_id (self->item_ids, item_id);
  GtkWidget *header;
  g_autofree char *title = NULL;

  if (row < 0)
    return;
  header = cg_grid_table_get_row_header (self->table, row);
  title = g_strdup_printf ("%d. %s", row + 1, cg_session_lookup_item (self->session, item_id)->text);
  gtk_label_set_text (GTK_LABEL (header), title);
  update_row (self, row);
}

/* A partner's name, organisation, role or colour: its header and the
 * spoken names of its cells. Typing a name changes it at every key, so the
 * grid is not built again for it. */
static void
on_partner_changed (CgRatingGrid *self, guint partner_id)
{
  int column = find_id (self->partner_ids, partner_id);
  const CgPartner *p = cg_session_lookup_partner (self->session, partner_id);

  if (column < 0 || p == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->partners_stale = TRUE;
      return;
    }
  cg_grid_table_replace_column_header (self->table, column,
                                       cg_grid_partner_header_new (p->name, p->organisation,
                                                                   p->role, p->colour, NULL));
  for (guint r = 0; r < self->item_ids->len; r++)
    update_cell (self, r, column);
}

/* Names typed on the Partners stage reach the grids of other stages when
 * they are shown. */
static void
cg_rating_grid_map (GtkWidget *widget)
{
  CgRatingGrid *self = CG_RATING_GRID (widget);

  GTK_WIDGET_CLASS (cg_rating_grid_parent_class)->map (widget);
  if (self->partners_stale)
    {
      self->partners_stale = FALSE;
      for (guint c = 0; c < self->partner_ids->len; c++)
        on_partner_changed (self, g_array_index (self->partner_ids, guint, c));
    }
}

static void
on_session_changed (CgSession *session, CgChangeKind kind, guint a, guint b, CgRatingGrid *self)
{
  int row, column;

  switch (kind)
    {
    case CG_CHANGE_RATING:
      row = find_id (self->item_ids, b);
      column = find_id (self->partner_ids, a);
      if (row >= 0 && column >= 0)
        update_cell (self, row, column);
      break;
    case CG_CHANGE_ITEM:
      on_item_changed (self, a);
      break;
    case CG_CHANGE_OPTIONS:
      update_all_cells (self);
      break;
    case CG_CHANGE_ITEM_ADDED: case CG_CHANGE_ITEM_REMOVED: case CG_CHANGE_ITEMS_MOVED:
      if (item_is_ours (self, a))
        rebuild (self);
      break;
    case CG_CHANGE_PARTNER:
      on_partner_changed (self, a);
      break;
    case CG_CHANGE_PARTNER_ADDED: case CG_CHANGE_PARTNER_REMOVED:
    case CG_CHANGE_PARTNERS_MOVED: case CG_CHANGE_ALL:
      rebuild (self);
      break;
    default:
      break;
    }
}

static CgRating
key_to_rating (guint keyval, gboolean *is_rating)
{
  *is_rating = TRUE;
  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: return CG_RATING_1;
    case GDK_KEY_2: case GDK_KEY_KP_2: return CG_RATING_2;
    case GDK_KEY_3: case GDK_KEY_KP_3: return CG_RATING_3;
    case GDK_KEY_4: case GDK_KEY_KP_4: return CG_RATING_4;
    case GDK_KEY_5: case GDK_KEY_KP_5: return CG_RATING_5;
    case GDK_KEY_0: case GDK_KEY_KP_0: case GDK_KEY_question: return CG_RATING_DONT_KNOW;
    case GDK_KEY_BackSpace: case GDK_KEY_Delete: case GDK_KEY_KP_Delete: return CG_RATING_NONE;
    default:
      *is_rating = FALSE;
      return CG_RATING_NONE;
    }
}

gboolean
cg_rating_grid_handle_key (CgRatingGrid *self, guint keyval, GdkModifierType state)
{
  gboolean is_rating;
  CgRating rating;
  guint row, column;

  g_return_val_if_fail (CG_IS_RATING_GRID (self), FALSE);
  if ((state & GDK_CONTROL_MASK) != 0
      && (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab))
    return cg_grid_table_leave (self->table, keyval, state);
  /* Shortcuts (Ctrl+Z, Alt+Left...) belong to the window. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  if (self->session == NULL || !cg_grid_table_get_cursor (self->table, &row, &column))
    return FALSE;
  rating = key_to_rating (keyval, &is_rating);
  if (is_rating)
    {
      cg_session_set_rating (self->session, g_array_index (self->partner_ids, guint, column),
                             g_array_index (self->item_ids, guint, row), rating);
      return TRUE;
    }
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
                GdkModifierType state, CgRatingGrid *self)
{
  /* An open list of answers closes on any key; the key then does its usual. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      if (keyval == GDK_KEY_Escape)
        return TRUE;
    }
  return cg_rating_grid_handle_key (self, keyval, state);
}

static void
on_focus_leave (GtkEventControllerFocus *focus, CgRatingGrid *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_choice_clicked (GtkButton *button, CgRatingGrid *self)
{
  guint row, column;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->session == NULL || !cg_grid_table_get_cursor (self->table, &row, &column))
    return;
  cg_session_set_rating (self->session, g_array_index (self->partner_ids, guint, column),
                         g_array_index (self->item_ids, guint, row),
                         (CgRating) cg_grid_choice_get_value (GTK_WIDGET (button)));
  cg_grid_table_set_cursor (self->table, row, column, TRUE);
}

/* A click (or Space) on a cell lists the answers, so a laptop's touchpad
 * can do what the digit keys do. */
static void
on_cell_clicked (GtkWidget *cell, CgRatingGrid *self)
{
  static const guint values[] = { CG_RATING_1, CG_RATING_2, CG_RATING_3, CG_RATING_4,
                                  CG_RATING_5, CG_RATING_DONT_KNOW, CG_RATING_NONE };
  CgItemKind kind = is_aims (self) ? CG_ITEM_AIM : CG_ITEM_STATEMENT;
  const char *labels[G_N_ELEMENTS (values)];
  guint row = cg_grid_cell_get_row (CG_GRID_CELL (cell));
  guint column = cg_grid_cell_get_column (CG_GRID_CELL (cell));
  guint current;

  if (self->session == NULL || row >= self->item_ids->len || column >= self->partner_ids->len)
    return;
  current = cg_session_get_rating (self->session, g_array_index (self->partner_ids, guint, column),
                                   g_array_index (self->item_ids, guint, row));
  /* While answers are hidden the list must not give the value away; an
   * empty cell has no current answer to mark. */
  if (!cg_session_answers_visible (self->session, self->stage) || current == CG_RATING_NONE)
    current = G_MAXUINT;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    labels[i] = values[i] == CG_RATING_NONE ? _("Clear the answer")
                : values[i] == CG_RATING_DONT_KNOW ? _("Don’t know (0 or ?)")
                : cg_rating_grid_value_label (kind, values[i]);
  cg_grid_popup_choices (GTK_POPOVER (self->popover), GTK_WIDGET (self), cell, labels, values,
                         G_N_ELEMENTS (values), current, G_CALLBACK (on_choice_clicked), self);
}

static void
connect_cells (CgRatingGrid *self)
{
  for (guint r = 0; r < self->item_ids->len; r++)
    for (guint c = 0; c < self->partner_ids->len; c++)
      g_signal_connect (cg_grid_table_get_cell (self->table, r, c), "clicked",
                        G_CALLBACK (on_cell_clicked), self);
}

GtkWidget *
cg_rating_grid_get_popover (CgRatingGrid *self)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), NULL);
  return self->popover;
}

gboolean
cg_rating_grid_get_cursor (CgRatingGrid *self, guint *row, guint *column)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), FALSE);
  return cg_grid_table_get_cursor (self->table, row, column);
}

void
cg_rating_grid_set_cursor (CgRatingGrid *self, guint row, guint column)
{
  g_return_if_fail (CG_IS_RATING_GRID (self));
  g_return_if_fail (row < self->item_ids->len && column < self->partner_ids->len);
  cg_grid_table_set_cursor (self->table, row, column, TRUE);
}

GtkWidget *
cg_rating_grid_get_cell (CgRatingGrid *self, guint row, guint column)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), NULL);
  if (row >= self->item_ids->len || column >= self->partner_ids->len)
    return NULL;
  return GTK_WIDGET (cg_grid_table_get_cell (self->table, row, column));
}

CgSession *
cg_rating_grid_get_session (CgRatingGrid *self)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), NULL);
  return self->session;
}

void
cg_rating_grid_set_session (CgRatingGrid *self, CgSession *session)
{
  g_return_if_fail (CG_IS_RATING_GRID (self));
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

CgStage
cg_rating_grid_get_stage (CgRatingGrid *self)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), CG_STAGE_LESSON_1);
  return self->stage;
}

void
cg_rating_grid_set_stage (CgRatingGrid *self, CgStage stage)
{
  g_return_if_fail (CG_IS_RATING_GRID (self));
  g_return_if_fail (CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS);

  if (self->stage == stage)
    return;
  self->stage = stage;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

guint
cg_rating_grid_get_only_partner (CgRatingGrid *self)
{
  g_return_val_if_fail (CG_IS_RATING_GRID (self), 0);
  return self->only_partner;
}

void
cg_rating_grid_set_only_partner (CgRatingGrid *self, guint partner_id)
{
  g_return_if_fail (CG_IS_RATING_GRID (self));

  if (self->only_partner == partner_id)
    return;
  self->only_partner = partner_id;
  apply_only_partner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_PARTNER]);
}

static void
cg_rating_grid_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CgRatingGrid *self = CG_RATING_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STAGE: g_value_set_int (value, self->stage); break;
    case PROP_ONLY_PARTNER: g_value_set_uint (value, self->only_partner); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_rating_grid_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CgRatingGrid *self = CG_RATING_GRID (object);

  switch (prop_id)
    {
    case PROP_SESSION: cg_rating_grid_set_session (self, g_value_get_object (value)); break;
    case PROP_STAGE: cg_rating_grid_set_stage (self, g_value_get_int (value)); break;
    case PROP_ONLY_PARTNER: cg_rating_grid_set_only_partner (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_rating_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CgRatingGrid *self = CG_RATING_GRID (widget);

  GTK_WIDGET_CLASS (cg_rating_grid_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
cg_rating_grid_dispose (GObject *object)
{
  CgRatingGrid *self = CG_RATING_GRID (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->table, cg_grid_table_free);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  G_OBJECT_CLASS (cg_rating_grid_parent_class)->dispose (object);
}

static void
cg_rating_grid_finalize (GObject *object)
{
  CgRatingGrid *self = CG_RATING_GRID (object);

  g_array_unref (self->item_ids);
  g_array_unref (self->partner_ids);
  G_OBJECT_CLASS (cg_rating_grid_parent_class)->finalize (object);
}

static void
cg_rating_grid_class_init (CgRatingGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_rating_grid_get_property;
  object_class->set_property = cg_rating_grid_set_property;
  object_class->dispose = cg_rating_grid_dispose;
  widget_class->map = cg_rating_grid_map;
  object_class->finalize = cg_rating_grid_finalize;
  widget_class->size_allocate = cg_rating_grid_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, CG_STAGE_LESSON_1, CG_STAGE_AIMS, CG_STAGE_LESSON_1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_PARTNER] =
    g_param_spec_uint ("only-partner", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cg-rating-grid");
}

static void
cg_rating_grid_init (CgRatingGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->stage = CG_STAGE_LESSON_1;
  self->item_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->empty_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
  self->table = cg_grid_table_new (GTK_WIDGET (self));
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  rebuild (self);
  /* Capture phase: digits and Enter reach us before the focused cell
   * (a button) would treat Enter as a click. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
cg_rating_grid_new (CgSession *session, CgStage stage)
{
  return g_object_new (CG_TYPE_RATING_GRID, "stage", stage, "session", session, NULL);
}
