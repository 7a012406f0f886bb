/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-role-grid"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-role-grid.h"

struct _CgRoleGrid
{
  CgCaptureGrid parent_instance;

  CgRoleGridMode mode;
};

G_DEFINE_FINAL_TYPE (CgRoleGrid, cg_role_grid, CG_TYPE_CAPTURE_GRID)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

#define SESSION(self) cg_capture_grid_get_session (self)
#define INVOLVEMENT(self) (CG_ROLE_GRID (self)->mode == CG_ROLE_GRID_INVOLVEMENT)

static void
describe (CgCaptureGrid *self,
          const char   **label,
          const char   **no_rows)
{
  *label = INVOLVEMENT (self) ? _("Each partner’s own part in each task")
                              : _("Whom each partner believes is Accountable for each task");
  *no_rows = _("No tasks yet. Add one below.");
}

static const char *
involvement_class (CgInvolvement inv)
{
  static const char *const classes[] = {
    NULL, "involvement-none", "involvement-r", "involvement-a", "involvement-c", "involvement-i"
  };

  return inv <= CG_INVOLVEMENT_INFORMED ? classes[inv] : NULL;
}

/* The value of one cell: what it shows, what it says, its CSS class. */
static void
cell_value (CgCaptureGrid *self,
            guint          partner_id,
            guint          task_id,
            gboolean       visible,
            char         **text,
            const char   **spoken,
            const char   **css)
{
  if (INVOLVEMENT (self))
    {
      CgInvolvement inv = cg_session_get_involvement (SESSION (self), partner_id, task_id);

      *text = g_strdup (inv == CG_INVOLVEMENT_UNSET  ? ""
                        : !visible                   ? "●"
                        : inv == CG_INVOLVEMENT_NONE ? "–"
                                                     : cg_involvement_to_letter (inv));
      *spoken = inv == CG_INVOLVEMENT_UNSET ? _("not answered")
                : !visible                  ? _("answered")
                                            : cg_involvement_to_label (inv);
      *css = inv == CG_INVOLVEMENT_UNSET ? NULL
             : !visible                  ? "answered-hidden"
                                         : involvement_class (inv);
    }
  else
    {
      guint named = cg_session_get_believed_accountable (SESSION (self), partner_id, task_id);
      const CgPartner *p = named != 0 ? cg_session_lookup_partner (SESSION (self), named) : NULL;

      /* Number and one name fit a cell; the spoken label has the full name. */
      g_autofree char *first = p != NULL ? cg_grid_partner_short_name (p->name) : NULL;

      *text = p == NULL ? g_strdup ("")
              : !visible
                ? g_strdup ("●")
                : g_strdup_printf ("%d %s", cg_session_partner_position (SESSION (self), named) + 1,
                                   first);
      *spoken = p == NULL ? _("nobody named") : !visible ? _("answered") : p->name;
      *css = p == NULL ? NULL : !visible ? "answered-hidden" : "named-accountable";
    }
}

static void
fill_cell (CgCaptureGrid *self,
           CgGridCell    *cell,
           guint          task_id,
           guint          partner_id,
           const char    *who,
           gboolean       visible)
{
  const CgTask *task = cg_session_lookup_task (SESSION (self), task_id);
  g_autofree char *text = NULL, *label = NULL;
  const char *spoken, *css;

  if (task == NULL)
    return;
  cell_value (self, partner_id, task_id, visible, &text, &spoken, &css);
  if (INVOLVEMENT (self))
    /* TRANSLATORS: "Partner, Organisation - “task” - own part: Responsible" */
    label = g_strdup_printf (_("%s - “%s” - own part: %s"), who, task->text, spoken);
  else
    /* TRANSLATORS: "Partner, Organisation - “task” - believes Accountable: Name" */
    label = g_strdup_printf (_("%s - “%s” - believes Accountable: %s"), who, task->text, spoken);
  cg_grid_cell_set_content (cell, text, label, css);
}

/* In the ACCOUNTABLE grid any cell may name a renamed partner. */
static gboolean
cell_names (CgCaptureGrid *self,
            guint          task_id,
            guint          partner_id,
            guint          named)
{
  return !INVOLVEMENT (self) &&
         cg_session_get_believed_accountable (SESSION (self), partner_id, task_id) == named;
}

static void
collect_rows (CgCaptureGrid *self,
              GArray        *row_ids)
{
  for (guint r = 0; r < cg_session_get_n_tasks (SESSION (self)); r++)
    g_array_append_val (row_ids, cg_session_get_task (SESSION (self), r)->id);
}

static gboolean
owns_change (CgCaptureGrid *self,
             CgChangeKind   kind,
             guint          task_id)
{
  return kind == CG_CHANGE_TASK_ADDED || kind == CG_CHANGE_TASK_REMOVED ||
         kind == CG_CHANGE_TASKS_MOVED;
}

static const char *
row_text (CgCaptureGrid *self,
          guint          task_id)
{
  return cg_session_lookup_task (SESSION (self), task_id)->text;
}

static guint
get_value (CgCaptureGrid *self,
           guint          task_id,
           guint          partner_id)
{
  if (INVOLVEMENT (self))
    return cg_session_get_involvement (SESSION (self), partner_id, task_id);
  return cg_session_get_believed_accountable (SESSION (self), partner_id, task_id);
}

static void
set_value (CgCaptureGrid *self,
           guint          task_id,
           guint          partner_id,
           guint          value)
{
  if (INVOLVEMENT (self))
    cg_session_set_involvement (SESSION (self), partner_id, task_id, (CgInvolvement) value);
  else
    cg_session_set_believed_accountable (SESSION (self), partner_id, task_id, value);
}

static gboolean
key_to_involvement (guint  keyval,
                    guint *inv)
{
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_r: *inv = CG_INVOLVEMENT_RESPONSIBLE; return TRUE;
    case GDK_KEY_a: *inv = CG_INVOLVEMENT_ACCOUNTABLE; return TRUE;
    case GDK_KEY_c: *inv = CG_INVOLVEMENT_CONSULTED; return TRUE;
    case GDK_KEY_i: *inv = CG_INVOLVEMENT_INFORMED; return TRUE;
    case GDK_KEY_n:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
    case GDK_KEY_0:
    case GDK_KEY_KP_0: *inv = CG_INVOLVEMENT_NONE; return TRUE;
    case GDK_KEY_BackSpace:
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete: *inv = CG_INVOLVEMENT_UNSET; return TRUE;
    default: return FALSE;
    }
}

/* The next partner after @current whose name starts with @c (type-ahead). */
static guint
partner_by_initial (CgSession *session,
                    gunichar   c,
                    guint      current)
{
  guint n = cg_session_get_n_partners (session);
  int start = current != 0 ? cg_session_partner_position (session, current) + 1 : 0;

  c = g_unichar_tolower (c);
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *p = cg_session_get_partner (session, (start + i) % n);
      g_autofree char *shown = cg_grid_partner_short_name (p->name);

      /* "p" finds "Dr Priya Nair" as well as "d": the cells show "Priya". */
      if (g_unichar_tolower (g_utf8_get_char (p->name)) == c ||
          g_unichar_tolower (g_utf8_get_char (shown)) == c)
        return p->id;
    }
  return current;
}

/* Which partner a key names in the ACCOUNTABLE mode; FALSE if none. */
static gboolean
key_to_accountable (CgSession *session,
                    guint      keyval,
                    guint      current,
                    guint     *named)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  guint digit;

  if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete ||
      keyval == GDK_KEY_0 || keyval == GDK_KEY_KP_0)
    {
      *named = 0;
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    c = '1' + (keyval - GDK_KEY_KP_1);
  if (c >= '1' && c <= '9')
    {
      digit = c - '1';
      if (digit >= cg_session_get_n_partners (session))
        return FALSE;
      *named = cg_session_get_partner (session, digit)->id;
      return TRUE;
    }
  if (c == 0 || !g_unichar_isalpha (c))
    return FALSE;
  *named = partner_by_initial (session, c, current);
  return TRUE;
}

static gboolean
key_to_value (CgCaptureGrid *self,
              guint          keyval,
              guint          current,
              guint         *value)
{
  if (INVOLVEMENT (self))
    return key_to_involvement (keyval, value);
  return key_to_accountable (SESSION (self), keyval, current, value);
}

/* The mouse way to give one's own part: R, A, C, I, none, or clear. */
static void
list_involvements (GPtrArray *labels,
                   GArray    *values)
{
  static const guint choices[] = { CG_INVOLVEMENT_RESPONSIBLE, CG_INVOLVEMENT_ACCOUNTABLE,
                                   CG_INVOLVEMENT_CONSULTED,   CG_INVOLVEMENT_INFORMED,
                                   CG_INVOLVEMENT_NONE,        CG_INVOLVEMENT_UNSET };

  g_array_append_vals (values, choices, G_N_ELEMENTS (choices));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i] == CG_INVOLVEMENT_UNSET)
      g_ptr_array_add (labels, g_strdup (_("Clear the answer")));
    else
      /* TRANSLATORS: a choice in the list of RACI parts: "R  Responsible" */
      g_ptr_array_add (labels,
                       g_strdup_printf (_("%s  %s"),
                                        choices[i] == CG_INVOLVEMENT_NONE
                                          ? "N"
                                          : cg_involvement_to_letter ((CgInvolvement) choices[i]),
                                        cg_involvement_to_label ((CgInvolvement) choices[i])));
}

/* The mouse way to name the Accountable partner. */
static void
list_choices (CgCaptureGrid *self,
              GPtrArray     *labels,
              GArray        *values)
{
  CgSession *session = SESSION (self);
  guint nobody = 0;

  if (INVOLVEMENT (self))
    {
      list_involvements (labels, values);
      return;
    }
  g_ptr_array_add (labels, g_strdup (_("Nobody named")));
  g_array_append_val (values, nobody);
  for (guint c = 0; c < cg_session_get_n_partners (session); c++)
    {
      const CgPartner *p = cg_session_get_partner (session, c);

      g_array_append_val (values, p->id);
      g_ptr_array_add (labels, g_strdup_printf ("%u %s", c + 1, p->name));
    }
}

CgRoleGridMode
cg_role_grid_get_mode (CgRoleGrid *self)
{
  g_return_val_if_fail (CG_IS_ROLE_GRID (self), CG_ROLE_GRID_INVOLVEMENT);
  return self->mode;
}

void
cg_role_grid_set_mode (CgRoleGrid    *self,
                       CgRoleGridMode mode)
{
  g_return_if_fail (CG_IS_ROLE_GRID (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  /* Numbers in the ACCOUNTABLE grid are the keys that name a partner. */
  cg_capture_grid_set_numbered (CG_CAPTURE_GRID (self), mode == CG_ROLE_GRID_ACCOUNTABLE);
  cg_capture_grid_rebuild (CG_CAPTURE_GRID (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
cg_role_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (prop_id == PROP_MODE)
    g_value_set_int (value, CG_ROLE_GRID (object)->mode);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_role_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (prop_id == PROP_MODE)
    cg_role_grid_set_mode (CG_ROLE_GRID (object), g_value_get_int (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_role_grid_class_init (CgRoleGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CgCaptureGridClass *grid_class = CG_CAPTURE_GRID_CLASS (klass);

  object_class->get_property = cg_role_grid_get_property;
  object_class->set_property = cg_role_grid_set_property;
  CG_CAPTURE_GRID_CLASS_BIND_METHODS (grid_class);
  grid_class->answer_change = CG_CHANGE_INVOLVEMENT;
  grid_class->row_change = CG_CHANGE_TASK;
  grid_class->row_width_chars = 22;
  grid_class->row_max_width_chars = 36;
  grid_class->cell_names = cell_names;

  properties[PROP_MODE] = g_param_spec_int (
    "mode", NULL, NULL, CG_ROLE_GRID_INVOLVEMENT, CG_ROLE_GRID_ACCOUNTABLE,
    CG_ROLE_GRID_INVOLVEMENT, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cg-role-grid");
}

static void
cg_role_grid_init (CgRoleGrid *self)
{
  cg_capture_grid_set_stage (CG_CAPTURE_GRID (self), CG_STAGE_ROLES);
}

GtkWidget *
cg_role_grid_new (CgSession     *session,
                  CgRoleGridMode mode)
{
  return g_object_new (CG_TYPE_ROLE_GRID, "mode", mode, "session", session, NULL);
}
