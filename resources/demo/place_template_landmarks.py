#!/usr/bin/python3
"""How the 50 landmarks of the demo template (resources/demo/template/landmarks.txt) were placed.

Kept as the record of the placement, not run by the build or CI (it needs Debian's
python3-numpy). The template mesh comes from `palstudio-cli make-template`; this script reads
it from argv[1] (default /tmp/tpl/mesh.obj) and writes argv[2] (default /tmp/tpl/landmarks.txt). Positions come from geometric
rules after docs/landmarks.md (extremes of the midline profile, the eye opening seen from
the front, slices through nose and mouth, extremes of the ear), read off vertices or rays cast
onto the surface; right landmarks mirror the left ones (the MakeHuman head is symmetric).
Every one was then checked on renders from the front, both sides and below
(palstudio resources/demo/template --view front|left|right|bottom --screenshot PNG) and the
eye corners and zygion were moved after that check. Vertex numbers refer to that mesh.
"""
import numpy as np
np.seterr(all='ignore')
import sys
MESH = sys.argv[1] if len(sys.argv) > 1 else '/tmp/tpl/mesh.obj'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/tpl/landmarks.txt'
V=[];F=[]
for l in open(MESH):
    p=l.split()
    if p and p[0]=='v': V.append([float(x) for x in p[1:4]])
    elif p and p[0]=='f': F.append([int(x.split('/')[0])-1 for x in p[1:4]])
V=np.array(V);F=np.array(F)
A=V[F[:,0]];B=V[F[:,1]];C=V[F[:,2]]
def ray(o,d):
    o=np.array(o,float); d=np.array(d,float); d/=np.linalg.norm(d)
    e1=B-A; e2=C-A; p=np.cross(d,e2); det=(e1*p).sum(1)
    with np.errstate(divide='ignore',invalid='ignore'):
        inv=1/det; t0=o-A; u=(t0*p).sum(1)*inv; q=np.cross(t0,e1); v=(q*d).sum(1)*inv; t=(e2*q).sum(1)*inv
    ok=(np.abs(det)>1e-12)&(u>=0)&(v>=0)&(u+v<=1)&(t>0)
    if not ok.any(): return None
    i=np.where(ok)[0][np.argmin(t[ok])]
    return o+t[i]*d
def front(x,y): return ray((x,y,200),(0,0,-1))
def side(y,z,s=1): return ray((s*200,y,z),(-s,0,0))
def below(x,z): return ray((x,-200,z),(0,1,0))
def area_max(fn, xs, ys):
    best=None
    for x in xs:
        for y in ys:
            p=front(x,y)
            if p is not None and (best is None or fn(p)>fn(best)): best=p
    return best
L={}
mid={'Tr':V[1002],'G':(V[243]+V[236])/2,'N':V[148],'Prn':(V[354]+V[357])/2,'C':V[326],'Sn':V[373],'Ls':V[398],'Sto':(V[521]+V[678])/2,'Li':V[701],'Sl':V[1054],'Pg':V[1584],'Gn':V[1649]}
# left side (x>0), mirrored for right
left={}
left['En']=front(19.0,3.25); left['Ex']=front(41.5,4.5)
left['Or']=front(31,-5); left['Is']=front(27,22); left['Ft']=front(50,36)
left['Chk']=area_max(lambda p:p[2]+0.6*p[0], np.arange(28,50,1.0), np.arange(-30,-8,1.0))
# zygion: most lateral in front of ear, y in [-15,5]
cand=np.where((V[:,1]>-14)&(V[:,1]<2)&(V[:,2]>18)&(V[:,0]>0))[0]
left['Zy']=V[cand[np.argmax(V[cand,0])]]
cand=np.where((V[:,1]>-92)&(V[:,1]<-72)&(V[:,2]>-15)&(V[:,2]<25)&(V[:,0]>0))[0]
left['Go']=V[cand[np.argmax(V[cand,0]-0.3*np.abs(V[cand,1]+82))]]
left['Sa']=V[3930]; left['Sba']=V[3881]; left['Pa']=V[3924]; left['Pra']=V[3884]; left['T']=side(-8,-2)
left['Al']=front(16.0,-36.5); left['Ac']=front(18.5,-41.0); left['Stn']=front(10.0,-36.0); left['Itn']=front(5.0,-41.5)
left['Cph']=front(5.5,-50.5); left['Ch']=front(22.5,-62.0)
midorder=['Tr','G','N','Prn','C','Sn','Ls','Sto','Li','Sl','Pg','Gn']
bil=['T','Pra','Sa','Pa','Sba','Ft','Zy','Go','Is','Ex','Or','En','Chk','Ac','Al','Itn','Stn','Cph','Ch']
pts={}
for i,k in enumerate(midorder): pts[i+1]=np.array(mid[k],float)*np.array([0,1,1])
for i,k in enumerate(bil):
    p=np.array(left[k],float)
    pts[13+i]=p*np.array([-1,1,1])   # right side: x<0
    pts[32+i]=p
order=sorted(range(1,51),key=str)
with open(OUT,'w') as f:
    f.write('landmark names\tcoordinates (x, y, z)\n')
    for n in order:
        p=pts[n]; f.write(f"{n}\t({p[0]:.6f}, {p[1]:.6f}, {p[2]:.6f})\n")
