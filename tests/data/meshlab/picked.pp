<!DOCTYPE PickedPoints>
<PickedPoints>
 <DocumentData>
  <DateTime time="14:03:11" date="2026-05-06"/>
  <User name="annotator"/>
  <DataFileName name="D001.obj"/>
  <templateName name=""/>
 </DocumentData>
 <point x="1.5" y="-92.25" z="30.125" active="1" name="Prn"/>
 <point x="0.5" y="-85" z="-12.75" active="1" name="ls"/>
 <point x="-45" y="-60.5" z="40" active="0" name="Ex_R"/>
 <point x="3" y="4" z="5" active="1" name="0"/>
</PickedPoints>
