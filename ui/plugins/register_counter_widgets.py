"""Qt Designer plugin: shows the project's own form widgets (DialogButtons, FormErrorLabel) as they are at run time.

`make designer` points Designer at this folder (PYSIDE_DESIGNER_PLUGINS); see ui/README.md.
"""

from PySide6.QtDesigner import QPyDesignerCustomWidgetCollection

from counter_app.gui.form_widgets import DialogButtons, FormErrorLabel

MODULE = "counter_app.gui.form_widgets"
GROUP = "Quầy Một cửa"

QPyDesignerCustomWidgetCollection.registerCustomWidget(
    DialogButtons,
    module=MODULE,
    group=GROUP,
    tool_tip="Accept and reject buttons; their texts are the properties acceptText and rejectText",
    xml='<ui language="c++"><widget class="DialogButtons" name="buttons"/></ui>',
)
QPyDesignerCustomWidgetCollection.registerCustomWidget(
    FormErrorLabel,
    module=MODULE,
    group=GROUP,
    tool_tip="The red sentence under a field (hidden while there is nothing to say)",
    xml='<ui language="c++"><widget class="FormErrorLabel" name="error"/></ui>',
)
