<!DOCTYPE PickedPoints>
<PickedPoints>
 <point x="1.5" y="abc" z="3" active="1" name="Prn"/>
</PickedPoints>
